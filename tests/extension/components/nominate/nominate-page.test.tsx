import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mountNominatePage } from '../../../../extension/components/nominate/nominate-page';
import { demoBundle } from '../../../../extension/lib/demo-bundle';
import { cachedRounds, entryDraft, keptEntries } from '../../../../extension/lib/recognition-storage';
import { cachedBundle, installId, userSettings } from '../../../../extension/lib/storage';
import { LIMITS } from '../../../../shared/src/schemas/limits';
import { fakeRecognitionServer, testRound } from '../../support/fake-recognition-server';

const INSTALL_ID = '0b6f5a3c-2f4e-4d8a-9c1b-7e2d3f4a5b6c';
const NOW = new Date('2026-11-23T10:00:00Z');
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const settle = async () => {
  for (let i = 0; i < 10; i++) await tick();
};
const app = () => document.getElementById('app')!;
const $ = <T extends Element = HTMLElement>(selector: string) => {
  const found = app().querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};
const text = () => app().textContent ?? '';
const button = (name: RegExp) => {
  const found = [...app().querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''));
  if (!found) throw new Error(`no button ${name}`);
  return found;
};

function type(selector: string, value: string) {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(selector);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}
function select(selector: string, value: string) {
  const field = $<HTMLSelectElement>(selector);
  field.value = value;
  field.dispatchEvent(new Event('change', { bubbles: true }));
}
const check = (selector: string) => $<HTMLInputElement>(selector).click();

let server: ReturnType<typeof fakeRecognitionServer>;
const mount = async (now = NOW) => {
  render(null, app());
  await mountNominatePage(app(), { fetch: server.fetch, now: () => now, timeoutMs: 200 });
  await settle();
};

/** What a team fills in: every field, and the self-check of the first category. */
async function fillEntry() {
  type('#team-name', 'Line 4 maintenance crew');
  check('input[name="category"][value="faster-for-the-customer"]');
  type('#customer', 'Kestrel Aerospace');
  type('#before', 'Lead time 5 days from order to dispatch.');
  type('#after', 'Lead time 5 hours from order to dispatch.');
  type('#method', 'A quick-change fixture lets small orders run between batches.');
  type('#ack-quote', 'We now get brackets the same day.');
  type('#ack-source', 'Purchasing lead, Kestrel, quarterly review');
  await settle();
  check('input[name="check-less-waiting"][value="met"]');
  type('#note-less-waiting', '30 orders before, 30 after.');
  check('input[name="check-reusable-method"][value="partly"]');
  check('input[name="check-customer-acknowledged"][value="met"]');
  await settle();
}

beforeEach(async () => {
  fakeBrowser.reset();
  server = fakeRecognitionServer();
  document.body.innerHTML = '<main id="app"></main>';
  await cachedBundle.setValue({ bundle: { ...demoBundle(), timezone: 'UTC' }, source: 'server' });
  await userSettings.setValue({ serverUrl: 'http://127.0.0.1:8787', enrollmentKey: 'company-key', department: 'manufacturing', role: 'engineer', usageStatistics: true });
  await installId.setValue(INSTALL_ID);
});
afterEach(() => render(null, app()));

describe('the nomination page', () => {
  it('shows the open round’s categories with their criteria and evidence, the department from the profile, and says a team is never a person', async () => {
    await mount();
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: 'http://127.0.0.1:8787/api/v1/recognition/rounds', headers: { authorization: 'Bearer company-key' } });
    expect(text()).toContain('Round 2027 Q1: entries until 2026-12-14');
    expect([...app().querySelectorAll('.category-name')].map((c) => c.textContent)).toEqual(['Faster for the customer', 'Customer savings']);
    expect(text()).toContain('Evidence: Before and after figures of the customer’s wait.');
    expect($('#team-notice').textContent).toMatch(/Name a team, never a person/);
    expect($<HTMLSelectElement>('#team-department').value).toBe('manufacturing');
    // No self-check until a category is chosen; then one per criterion, with its evidence.
    expect(app().querySelector('.self-check')).toBeNull();
    check('input[name="category"][value="faster-for-the-customer"]');
    await settle();
    expect(app().querySelectorAll('.criterion-check')).toHaveLength(3);
    expect($('.self-check').textContent).toContain('Evidence that counts: A quote from the customer and where they said it.');
  });

  it('bounds every text field and says how many characters are left', async () => {
    await mount();
    expect($<HTMLInputElement>('#team-name').maxLength).toBe(LIMITS.teamName);
    expect($<HTMLTextAreaElement>('#method').maxLength).toBe(LIMITS.entryMethod);
    expect($<HTMLInputElement>('#ack-source').maxLength).toBe(LIMITS.source);
    expect($('#team-name-left').textContent).toBe(`${LIMITS.teamName} characters left`);
    type('#team-name', 'Returns desk');
    await settle();
    expect($('#team-name-left').textContent).toBe(`${LIMITS.teamName - 12} characters left`);
    expect($('#method-left').textContent).toBe('1,500 characters left');
  });

  it('keeps the draft in storage.local as the employee types, and shows it again on a reopened page', async () => {
    await mount();
    expect(await entryDraft.getValue()).toBeNull();
    await fillEntry();
    const kept = await entryDraft.getValue();
    expect(kept).toMatchObject({ roundId: '2027-q1', categoryId: 'faster-for-the-customer', team: { name: 'Line 4 maintenance crew', department: 'manufacturing' }, customer: 'Kestrel Aerospace' });
    expect(kept?.selfCheck).toEqual(
      expect.arrayContaining([
        { criterionId: 'less-waiting', status: 'met', note: '30 orders before, 30 after.' },
        { criterionId: 'reusable-method', status: 'partly', note: '' },
      ]),
    );
    expect(text()).toContain('Draft saved in this browser');

    await mount();
    expect($<HTMLInputElement>('#team-name').value).toBe('Line 4 maintenance crew');
    expect($<HTMLTextAreaElement>('#after').value).toBe('Lead time 5 hours from order to dispatch.');
    expect($<HTMLInputElement>('input[name="check-reusable-method"][value="partly"]').checked).toBe(true);
    expect($<HTMLTextAreaElement>('#note-less-waiting').value).toBe('30 orders before, 30 after.');
  });

  it('shows the self-check’s progress before submitting', async () => {
    await mount();
    check('input[name="category"][value="faster-for-the-customer"]');
    await settle();
    expect($('[data-testid="self-check-progress"]').textContent).toContain('0 met, 0 partly, 0 not yet, 3 not checked — of 3 criteria.');
    check('input[name="check-less-waiting"][value="met"]');
    check('input[name="check-reusable-method"][value="partly"]');
    check('input[name="check-customer-acknowledged"][value="not_yet"]');
    await settle();
    // Weights 5, 3, 2: what was met carries half of them.
    expect($('[data-testid="self-check-progress"]').textContent).toContain('1 met, 1 partly, 1 not yet — of 3 criteria. What you met carries 50% of the judges’ weight.');
  });

  it('names what is missing and sends nothing until the entry is complete and every criterion checked', async () => {
    await mount();
    button(/Submit the entry/).click();
    await settle();
    expect($('.problems').textContent).toContain('Team name must not be empty.');
    expect($('.problems').textContent).toContain('Choose a category.');
    expect($('#team-name').getAttribute('aria-invalid')).toBe('true');

    await fillEntry();
    check('input[name="category"][value="customer-savings"]');
    await settle();
    button(/Submit the entry/).click();
    await settle();
    expect($('.problems').textContent).toContain('Check every criterion first: 1 of 1 is not checked yet.');
    expect(server.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('submits the entry, keeps its receipt in storage.local, clears the draft and shows the entry as submitted', async () => {
    await mount();
    await fillEntry();
    button(/Submit the entry/).click();
    await settle();

    const post = server.requests.find((r) => r.method === 'POST')!;
    expect(post.headers).toMatchObject({ authorization: 'Bearer company-key', 'content-type': 'application/json' });
    expect(post.body).toEqual({
      roundId: '2027-q1',
      categoryId: 'faster-for-the-customer',
      team: { name: 'Line 4 maintenance crew', department: 'manufacturing' },
      customer: 'Kestrel Aerospace',
      before: 'Lead time 5 days from order to dispatch.',
      after: 'Lead time 5 hours from order to dispatch.',
      method: 'A quick-change fixture lets small orders run between batches.',
      acknowledgement: { quote: 'We now get brackets the same day.', source: 'Purchasing lead, Kestrel, quarterly review' },
      selfCheck: [
        { criterionId: 'less-waiting', status: 'met', note: '30 orders before, 30 after.' },
        { criterionId: 'reusable-method', status: 'partly' },
        { criterionId: 'customer-acknowledged', status: 'met' },
      ],
      installId: INSTALL_ID,
    });

    const [stored] = server.entries.values();
    expect(await keptEntries.getValue()).toEqual([
      expect.objectContaining({ entryId: stored!.id, receipt: stored!.receipt, roundName: '2027 Q1', teamName: 'Line 4 maintenance crew', categoryName: 'Faster for the customer' }),
    ]);
    expect(await entryDraft.getValue()).toBeNull();
    expect($<HTMLInputElement>('#team-name').value).toBe('');
    expect(text()).toContain('Submitted: “Line 4 maintenance crew” is in 2027 Q1.');

    const statusRequest = server.requests.find((r) => r.url.endsWith(`/api/v1/recognition/entries/${stored!.id}`))!;
    expect(statusRequest.headers['x-entry-receipt']).toBe(stored!.receipt);
    expect($('[data-testid="entry-status"]').textContent).toBe('Submitted');
    // The receipt goes only to its own entry's status, never anywhere else.
    const carrying = server.requests.filter((r) => JSON.stringify(r).includes(stored!.receipt));
    expect(carrying.every((r) => r.url.endsWith(`/entries/${stored!.id}`) && r.method === 'GET')).toBe(true);
  });

  it('shows the server’s own words when it refuses, and keeps the draft', async () => {
    await mount();
    await fillEntry();
    for (let i = 0; i < LIMITS.entriesPerInstallPerRound; i++) {
      await server.fetch('http://127.0.0.1:8787/api/v1/recognition/entries', {
        method: 'POST',
        headers: { Authorization: 'Bearer company-key' },
        body: JSON.stringify({ ...(await entryDraft.getValue()), selfCheck: [], acknowledgement: undefined, installId: INSTALL_ID }),
      });
    }
    button(/Submit the entry/).click();
    await settle();
    expect($('.outcome.error').textContent).toBe('This browser has already sent 3 entries to 2027 Q1, the most one browser may send.');
    expect((await entryDraft.getValue())?.team.name).toBe('Line 4 maintenance crew');
    expect(await keptEntries.getValue()).toEqual([]);
  });

  it('puts a field the server named next to that field', async () => {
    await mount();
    await fillEntry();
    server.answerWith(() =>
      Response.json({ error: { code: 'invalid_request', message: 'team.name: must name a team, not a person', issues: [{ path: 'team.name', message: 'must name a team, not a person' }] } }, { status: 400 }),
    );
    button(/Submit the entry/).click();
    await settle();
    expect($('.outcome.error').textContent).toBe('team.name: must name a team, not a person');
    expect(app().querySelector('#team-name-error')?.textContent).toBe('Team name must name a team, not a person.');
  });

  it('works offline: the rounds from the last visit, the draft kept, and a plain word on Submit', async () => {
    await mount();
    expect(await cachedRounds.getValue()).toMatchObject({ rounds: [{ id: '2027-q1' }] });
    server.setOffline(true);
    await mount();
    expect(text()).toContain('Cannot reach the server at http://127.0.0.1:8787: you may be offline, or it may be down.');
    expect(text()).toContain('Showing the rounds as of');
    await fillEntry();
    button(/Submit the entry/).click();
    await settle();
    expect($('.outcome.error').textContent).toMatch(/Cannot reach the server .* Your draft stays in this browser: submit it again when you are back online\./);
    expect((await entryDraft.getValue())?.customer).toBe('Kestrel Aerospace');

    // Back online: the next Submit goes through.
    server.setOffline(false);
    button(/Submit the entry/).click();
    await settle();
    expect(await keptEntries.getValue()).toHaveLength(1);
  });

  it('says no round is open, and when the next one opens', async () => {
    server = fakeRecognitionServer({ rounds: [testRound({ id: '2027-q2', name: '2027 Q2', submissionOpens: '2027-01-05', submissionCloses: '2027-02-01', judgingEnds: '2027-02-20', announceOn: '2027-03-01' })] });
    await mount();
    expect(text()).toContain('No round is open for entries today.');
    expect(text()).toContain('The next, 2027 Q2, opens on 2027-01-05.');
    expect(button(/Submit the entry/).disabled).toBe(true);
  });

  it('shows the judges’ feedback on an entry not recognized, and resubmits it pre-filled into the next round, linked to it', async () => {
    const q2 = testRound({ id: '2027-q2', name: '2027 Q2', submissionOpens: '2027-01-05', submissionCloses: '2027-02-01', judgingEnds: '2027-02-20', announceOn: '2027-03-01' });
    server = fakeRecognitionServer({ rounds: [testRound(), q2] });
    await mount();
    await fillEntry();
    button(/Submit the entry/).click();
    await settle();
    const [first] = server.entries.values();

    // Results are out, and the next round is open.
    server.setOutcome(first!.id, 'not_this_round', ['Strong figures. Ask Kestrel for a quote: the acknowledgement carries weight.']);
    server.setToday('2027-01-11');
    await mount(new Date('2027-01-11T09:00:00Z'));
    expect($('[data-testid="entry-status"]').textContent).toBe('Not this round');
    expect($('.judges-feedback').textContent).toContain('Ask Kestrel for a quote');

    button(/Resubmit in the next round \(2027 Q2\)/).click();
    await settle();
    expect($('#new-entry-title').textContent).toBe('Resubmit your entry');
    expect($('.linked').textContent).toContain('Resubmitting “Line 4 maintenance crew” from 2027 Q1');
    expect($('.linked').textContent).toContain('Ask Kestrel for a quote');
    expect($<HTMLInputElement>('#team-name').value).toBe('Line 4 maintenance crew');
    expect($<HTMLTextAreaElement>('#method').value).toBe('A quick-change fixture lets small orders run between batches.');
    expect($<HTMLInputElement>('input[name="category"][value="faster-for-the-customer"]').checked).toBe(true);
    expect(await entryDraft.getValue()).toMatchObject({ roundId: '2027-q2', previousEntryId: first!.id });

    type('#after', 'Lead time 4 hours, for 60 orders since October.');
    button(/Submit the entry/).click();
    await settle();
    const second = [...server.entries.values()][1]!;
    expect(second.draft).toMatchObject({ roundId: '2027-q2', previousEntryId: first!.id, after: 'Lead time 4 hours, for 60 orders since October.' });
    // Resubmitted once: the button is gone.
    expect([...app().querySelectorAll('button')].some((b) => /Resubmit/.test(b.textContent ?? ''))).toBe(false);
    expect([...app().querySelectorAll('[data-testid="entry-status"]')].map((s) => s.textContent)).toEqual(['Submitted', 'Not this round']);
  });

  it('asks before a resubmission replaces a draft in progress', async () => {
    const q2 = testRound({ id: '2027-q2', name: '2027 Q2', submissionOpens: '2027-01-05', submissionCloses: '2027-02-01', judgingEnds: '2027-02-20', announceOn: '2027-03-01' });
    server = fakeRecognitionServer({ rounds: [testRound(), q2] });
    await mount();
    await fillEntry();
    button(/Submit the entry/).click();
    await settle();
    server.setOutcome([...server.entries.keys()][0]!, 'not_this_round', []);
    server.setToday('2027-01-11');
    await mount(new Date('2027-01-11T09:00:00Z'));
    type('#team-name', 'Returns desk');
    await settle();
    button(/Resubmit in the next round/).click();
    await settle();
    expect(text()).toContain('You have a draft in progress. Replace it with the resubmission?');
    button(/Keep my draft/).click();
    await settle();
    expect($<HTMLInputElement>('#team-name').value).toBe('Returns desk');
    button(/Resubmit in the next round/).click();
    await settle();
    button(/Replace my draft/).click();
    await settle();
    expect($<HTMLInputElement>('#team-name').value).toBe('Line 4 maintenance crew');
  });

  it('asks again for statuses it could not get, on "Check again" and after the next Submit', async () => {
    await mount();
    await fillEntry();
    button(/Submit the entry/).click();
    await settle();
    server.setOffline(true);
    await mount();
    expect($('[data-testid="entry-status"]').textContent).toBe('Status unavailable');
    server.setOffline(false);
    button(/Check again/).click();
    await settle();
    expect($('[data-testid="entry-status"]').textContent).toBe('Submitted');
  });

  it('says so when the server does not know an entry (or its receipt is wrong)', async () => {
    await keptEntries.setValue([
      {
        entryId: 'e-unknown',
        receipt: 'r'.repeat(43),
        roundName: '2027 Q1',
        teamName: 'Returns desk',
        categoryName: 'Customer savings',
        submittedAt: NOW.toISOString(),
        entry: { roundId: '2027-q1', categoryId: 'customer-savings', team: { name: 'Returns desk', department: 'support' }, customer: 'A', before: 'B', after: 'C', method: 'D', selfCheck: [] },
      },
    ]);
    await mount();
    expect($('[data-testid="entry-status"]').textContent).toBe('Status unavailable');
    expect(text()).toContain('There is no such entry.');
  });
});
