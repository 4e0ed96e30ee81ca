import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeptEntry } from '../../extension/lib/recognition-storage';
import { hashToken } from '../../server/src/auth/tokens';
import { insertAdminToken } from '../../server/src/storage/queries/insert-admin-token';
import { openDatabase } from '../../server/src/storage/sqlite/open-database';
import { sqliteStorage } from '../../server/src/storage/sqlite/sqlite-storage';
import { addDays } from '../../shared/src/domain/local-day';
import type { JudgingEntryList } from '../../shared/src/schemas/judging';
import type { EntryDraft, EntryReceipt } from '../../shared/src/schemas/recognition-entry';
import type { RoundDraft, RoundRecord } from '../../shared/src/schemas/recognition-round';
import type { Schedule } from '../../shared/src/schemas/schedule';
import { buildDashboard } from '../support/build-dashboard';
import { buildExtension } from '../support/build-extension';
import { launchExtension, type ExtensionBrowser } from '../support/launch-extension';
import { setUpExtension } from '../support/set-up-extension';
import { startServer, type RunningServer } from '../support/start-server';
import { adminCall, judgingDashboard } from '../support/judging-dashboard';

// What the service worker's evaluate() reaches: the extension's own storage.
declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

/**
 * The whole recognition loop, with nothing faked: the real server process
 * (SQLite, the real clock), the built extension in Chromium, the dashboard.
 * An employee enters a win from the extension; the round closes; two judges
 * score in the dashboard (a third, of the entry's own department, never
 * sees it); the chair marks another entry the winner and publishes once
 * every loser has feedback; the employee reads the judges' feedback,
 * unsigned, and resubmits in the next round, linked to the first entry; the
 * judges see that history; every new tab shows the winner's story.
 *
 * The server's clock is the real one, so the rounds' days are set relative to
 * today (the company's local day): round A is created open, then moved so
 * that submissions closed yesterday and judging ends — and winners are
 * announced — today. The winner's story is looked for with a timeout: it may
 * be made on publishing or by the server on the announcement day.
 */
const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'cc-e2e-recognition-loop-'));
const databasePath = join(folder, 'cc.db');
/** Two judges of no department, and a third of manufacturing (the extension user's department). */
const ANN = 'an-loop-judge-token-0123456789abcdefgh';
const BO = 'bo-loop-judge-token-0123456789abcdefgh';
const CY = 'cy-loop-judge-token-0123456789abcdefgh';
const ROUND_A = 'e2e-loop-a';
const ROUND_B = 'e2e-loop-b';
const LINE4 = 'Line 4 maintenance crew';
const RETURNS = 'Returns desk';
const FEEDBACK_LINE4 = 'Strong figures on 30 orders; the customer’s own words and the fixture drawing written up would have made it a winner.';
const MARK_LINE = `Recognized: Fewer customer problems, Loop round A — ${RETURNS}`;

let server: RunningServer;
let browser: ExtensionBrowser;
let today: string;
let line4Entry: string;
let returnsEntry: string;
let roundA: RoundRecord;
const pageErrors: string[] = [];

const call = <T>(method: string, path: string, body?: unknown) => adminCall<T>(server, method, path, body);

/** Two categories, each with two criteria (one of them the customer's acknowledgement or a method). */
function categories(): RoundDraft['categories'] {
  return [
    {
      id: 'faster-for-the-customer',
      name: 'Faster for the customer',
      description: 'The customer waits less.',
      criteria: [
        { id: 'less-waiting', name: 'How much less the customer waits', guidance: 'Before and after, measured the same way.', evidence: 'Figures.', kind: 'outcome', weight: 5 },
        { id: 'customer-acknowledged', name: 'The customer noticed', guidance: 'Their words.', evidence: 'A quote and its source.', kind: 'customer_acknowledgement', weight: 2 },
      ],
    },
    {
      id: 'fewer-customer-problems',
      name: 'Fewer customer problems',
      description: 'The customer runs into fewer problems with what we deliver.',
      criteria: [
        { id: 'fewer-problems', name: 'How many fewer problems the customer has', guidance: 'Before and after, counted the same way.', evidence: 'Figures.', kind: 'outcome', weight: 4 },
        { id: 'reusable-method', name: 'A method other teams can reuse', guidance: 'Written so another team could follow it.', evidence: 'The method itself.', kind: 'method', weight: 3 },
      ],
    },
  ];
}

async function newPage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

async function openNominate(): Promise<Page> {
  const page = await newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/nominate.html`);
  await page.getByRole('heading', { name: 'Nominate your team’s customer win' }).waitFor();
  return page;
}

/** The self-check of one criterion on the nomination page. */
async function selfCheck(page: Page, criterion: string, status: 'Met' | 'Partly' | 'Not yet', note?: string) {
  const item = page.locator('.criterion-check').filter({ has: page.getByRole('radiogroup', { name: new RegExp(`^${criterion}`) }) });
  await item.getByRole('radio', { name: status, exact: true }).check();
  if (note) await item.getByLabel('Note').fill(note);
}

const keptEntries = () => browser.worker.evaluate(async () => ((await chrome.storage.local.get('keptEntries')) as { keptEntries?: KeptEntry[] }).keptEntries ?? []);

/** The extension's "Sync now", on its options page, as an employee would press it. */
async function syncNow() {
  const options = await newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByRole('button', { name: 'Sync now' }).click();
  await options.locator('.message', { hasText: /^Synced/ }).waitFor();
  await options.close();
}

// The dashboard, in a tab of the same browser.
let dash: Page;

const judging = () => judgingDashboard(() => dash, server.url);
const signInAs = (token: string) => judging().signInAs(token);
const pickRound = (id: string) => judging().pickRound(id);
const entryButtons = () => judging().entryButtons();
const score = (team: string, scores: Record<string, number>, feedback: string) => judging().score(team, scores, feedback);

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  buildExtension();
  buildDashboard();
  server = await startServer({ databasePath, env: { MIN_GROUP_SIZE: '1' } });
  const storage = sqliteStorage(openDatabase(databasePath));
  try {
    await insertAdminToken(storage, 'Ann (judge)', hashToken(ANN), new Date(), { role: 'judge' });
    await insertAdminToken(storage, 'Bo (judge)', hashToken(BO), new Date(), { role: 'judge' });
    await insertAdminToken(storage, 'Cy (judge, manufacturing)', hashToken(CY), new Date(), { role: 'judge', department: 'manufacturing' });
  } finally {
    await storage.close();
  }
  ({ today } = await call<Schedule>('GET', '/api/v1/admin/schedule'));
  browser = await launchExtension();
  await setUpExtension(browser, { serverUrl: server.url, department: 'manufacturing', role: 'manufacturing', sync: true });
  dash = await newPage();
}, 180_000);

afterAll(async () => {
  await browser?.dispose();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('the recognition loop, end to end', () => {
  it('1. round A is open: an employee drafts an entry with its self-check in the extension and submits it; another team enters too', async () => {
    roundA = await call<RoundRecord>('POST', '/api/v1/admin/recognition/rounds', {
      id: ROUND_A,
      name: 'Loop round A',
      submissionOpens: addDays(today, -10),
      submissionCloses: addDays(today, 10),
      judgingEnds: addDays(today, 20),
      announceOn: addDays(today, 25),
      categories: categories(),
    } satisfies RoundDraft);
    expect(roundA.phase).toBe('open');

    const page = await openNominate();
    // The demo round is open too: the employee picks round A, once the page has its rounds and its (empty) draft,
    // and the category is checked only once round A's categories are shown (the demo round has one of the same name).
    const roundChoice = page.getByLabel('Round', { exact: true });
    await expect.poll(() => roundChoice.locator('option').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    await page.waitForLoadState('networkidle');
    await roundChoice.selectOption(ROUND_A);
    await expect.poll(() => roundChoice.inputValue()).toBe(ROUND_A);
    await page.getByRole('radio', { name: 'Faster for the customer' }).check();
    await expect.poll(() => roundChoice.inputValue()).toBe(ROUND_A);
    expect(await page.getByLabel('Department').inputValue()).toBe('manufacturing');
    await page.getByLabel('Team name').fill(LINE4);
    await page.getByLabel('Customer', { exact: true }).fill('Kestrel Aerospace — purchasing lead');
    await page.getByLabel('Before', { exact: true }).fill('A replacement bracket took 5 days from order to dispatch: the line was re-tooled for every small order.');
    await page.getByLabel('After', { exact: true }).fill('5 hours from order to dispatch: a 10X reduction in lead time.');
    await page.getByLabel('The method others can reuse').fill('A quick-change fixture lets small orders run between large batches without re-tooling.');
    await selfCheck(page, 'How much less the customer waits', 'Met', 'Lead time measured on 30 orders before and 30 after.');
    await selfCheck(page, 'The customer noticed', 'Not yet');
    await expect.poll(() => page.getByTestId('self-check-progress').textContent()).toContain('1 met, 0 partly, 1 not yet — of 2 criteria.');
    await page.getByText('Draft saved in this browser').waitFor();
    await page.getByRole('button', { name: 'Submit the entry' }).click();
    await page.getByText(`Submitted: “${LINE4}” is in Loop round A`).waitFor();
    await expect.poll(() => page.getByTestId('entry-status').textContent()).toBe('Submitted');
    await page.close();
    const [kept] = await keptEntries();
    expect(kept).toMatchObject({ roundName: 'Loop round A', teamName: LINE4, categoryName: 'Faster for the customer' });
    line4Entry = kept!.entryId;

    const returns: EntryDraft = {
      roundId: ROUND_A,
      categoryId: 'fewer-customer-problems',
      team: { name: RETURNS, department: 'support' },
      customer: 'Harbour Bank — operations lead',
      before: '40 refund requests a month were sent back to the customer for a missing form.',
      after: '3 a month: the form is filled in by the desk on the call.',
      method: 'The desk fills in the refund form with the customer on the call and reads it back before sending it.',
      acknowledgement: { quote: 'We have not had a refund bounce since the summer.', source: 'Customer email, 3 November' },
      selfCheck: [
        { criterionId: 'fewer-problems', status: 'met', note: '40 → 3 a month over 6 months.' },
        { criterionId: 'reusable-method', status: 'met' },
      ],
      installId: randomUUID(),
    };
    returnsEntry = (await call<EntryReceipt>('POST', '/api/v1/recognition/entries', returns)).entryId;
  });

  it('2. the CX lead moves round A: submissions closed yesterday, judging ends and winners are announced today', async () => {
    const moved = await call<RoundRecord>('PUT', `/api/v1/admin/recognition/rounds/${ROUND_A}`, {
      name: roundA.name,
      categories: roundA.categories,
      submissionOpens: roundA.submissionOpens,
      submissionCloses: addDays(today, -1),
      judgingEnds: today,
      announceOn: today,
      revision: roundA.revision,
    });
    expect(moved.phase).toBe('judging');
    roundA = moved;
  });

  it('3. two judges score both entries in the dashboard; a judge of the first entry’s department never sees it', async () => {
    await signInAs(ANN);
    await pickRound(ROUND_A);
    await dash.locator('article.scorecard').waitFor();
    expect((await entryButtons()).sort()).toEqual([LINE4, RETURNS]);
    // No feedback for the Line 4 crew yet: publishing will name it.
    await score(LINE4, { 'How much less the customer waits': 4, 'The customer noticed': 1 }, '');
    await score(RETURNS, { 'How many fewer problems the customer has': 5, 'A method other teams can reuse': 4 }, 'A method any desk can copy tomorrow.');

    await signInAs(BO);
    await pickRound(ROUND_A);
    await dash.locator('article.scorecard').waitFor();
    await score(LINE4, { 'How much less the customer waits': 3, 'The customer noticed': 2 }, '');
    await score(RETURNS, { 'How many fewer problems the customer has': 4, 'A method other teams can reuse': 5 }, 'Clear figures, measured over six months.');

    await signInAs(CY);
    await pickRound(ROUND_A);
    await dash.locator('article.scorecard').waitFor();
    expect(await entryButtons()).toEqual([RETURNS]);
    expect(await dash.locator('main').textContent()).toMatch(/your own department \(manufacturing\) are not shown to you/);
    // Not by id either.
    const byId = await fetch(`${server.url}/api/v1/judging/rounds/${ROUND_A}/entries`, { headers: { Authorization: `Bearer ${CY}` } });
    expect(((await byId.json()) as JudgingEntryList).entries.map((e) => e.id)).toEqual([returnsEntry]);
  });

  it('4. the chair marks the second entry the winner; publishing is refused, naming the first, until a judge writes it feedback', async () => {
    // Today is the announcement day, and no CX lead picked a story for it: the winner's story will be today's.
    expect((await call<Schedule>('GET', `/api/v1/admin/schedule?from=${today}&to=${today}`)).days[0]!.scheduled).toBe(false);

    await signInAs(server.adminToken);
    await pickRound(ROUND_A);
    await dash.getByRole('button', { name: 'Panel summary' }).click();
    // One table per category.
    const tables = dash.locator('table.summary-table');
    await tables.first().waitFor();
    expect(await tables.count()).toBe(2);
    const row = (team: string) => tables.locator('tr', { hasText: team });
    await row(RETURNS).getByRole('checkbox').check();
    await dash.getByRole('button', { name: 'Publish results' }).click();
    const refusal = dash.locator('.panel-summary [role="alert"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(new RegExp(LINE4));
    expect(await dash.locator('.refused-entries').textContent()).toMatch(new RegExp(`“${LINE4}” \\(manufacturing\\) needs feedback`));

    await signInAs(ANN);
    await pickRound(ROUND_A);
    await dash.locator('article.scorecard').waitFor();
    await score(LINE4, { 'How much less the customer waits': 4, 'The customer noticed': 1 }, FEEDBACK_LINE4);

    await signInAs(server.adminToken);
    await pickRound(ROUND_A);
    await dash.getByRole('button', { name: 'Panel summary' }).click();
    await tables.first().waitFor();
    expect(await row(RETURNS).getByRole('checkbox').isChecked()).toBe(true);
    await dash.getByRole('button', { name: 'Publish results' }).click();
    await dash.getByText(/are published: 1 recognized, 1 not this round/).waitFor();
    await row(RETURNS).getByText('Recognized').waitFor();
    expect(await row(LINE4).textContent()).toMatch(/Not this round/);
    const outcomes = await call<JudgingEntryList>('GET', `/api/v1/judging/rounds/${ROUND_A}/entries`);
    expect(Object.fromEntries(outcomes.entries.map((e) => [e.id, e.outcome]))).toEqual({ [returnsEntry]: 'recognized', [line4Entry]: 'not_this_round' });
  });

  it('5. the next round, B, opens today', async () => {
    const roundB = await call<RoundRecord>('POST', '/api/v1/admin/recognition/rounds', {
      id: ROUND_B,
      name: 'Loop round B',
      submissionOpens: today,
      submissionCloses: addDays(today, 20),
      judgingEnds: addDays(today, 30),
      announceOn: addDays(today, 35),
      categories: categories(),
    } satisfies RoundDraft);
    expect(roundB.phase).toBe('open');
  });

  it('6. the employee reads “Not this round” with the judges’ feedback, unsigned, and resubmits in round B, linked to the first entry; the judges see the history', async () => {
    const page = await openNominate();
    const line4 = page.locator('.kept-entry', { has: page.getByText(LINE4, { exact: true }) });
    await expect.poll(() => line4.getByTestId('entry-status').textContent(), { timeout: 15_000 }).toBe('Not this round');
    const feedback = line4.locator('.judges-feedback');
    await feedback.waitFor();
    expect(await feedback.locator('li').allTextContents()).toEqual([FEEDBACK_LINE4]);
    // Unsigned: no judge's name or label anywhere on the page.
    expect(await page.locator('body').textContent()).not.toMatch(/Ann|Bo \(|Cy|\(judge/);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: `${ARTIFACTS}recognition-loop-feedback.png`, fullPage: true });

    await line4.getByRole('button', { name: 'Resubmit in the next round (Loop round B)' }).click();
    await page.getByRole('heading', { name: 'Resubmit your entry' }).waitFor();
    await page.getByRole('heading', { name: `Resubmitting “${LINE4}” from Loop round A` }).waitFor();
    expect(await page.getByLabel('Team name').inputValue()).toBe(LINE4);
    expect(await page.getByLabel('After', { exact: true }).inputValue()).toBe('5 hours from order to dispatch: a 10X reduction in lead time.');
    expect(await page.getByRole('radio', { name: 'Faster for the customer' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Round', { exact: true }).inputValue()).toBe(ROUND_B);
    // The feedback it is answering is shown with it.
    expect(await page.locator('.new-entry .feedback li').allTextContents()).toEqual([FEEDBACK_LINE4]);
    // What the feedback asked for: the customer's own words.
    await page.getByLabel('Quote').fill('We now get brackets the same day we order them.');
    await page.getByLabel('Source').fill('Kestrel’s purchasing lead, quarterly review');
    await selfCheck(page, 'The customer noticed', 'Met');
    await page.locator('.new-entry').screenshot({ path: `${ARTIFACTS}recognition-loop-resubmit.png` });
    await page.getByRole('button', { name: 'Submit the entry' }).click();
    await page.getByText(`Submitted: “${LINE4}” is in Loop round B`).waitFor();
    const resubmitted = page.locator('.kept-entry', { hasText: 'Loop round B' });
    await expect.poll(() => resubmitted.getByTestId('entry-status').textContent()).toBe('Submitted');
    await page.close();

    const [kept] = await keptEntries();
    expect(kept).toMatchObject({ roundName: 'Loop round B', teamName: LINE4 });
    expect(kept!.entry.previousEntryId).toBe(line4Entry);

    // The judges' view of round B: the entry with what it was entered as before, and the feedback then.
    await signInAs(ANN);
    await pickRound(ROUND_B);
    await dash.locator('article.scorecard').waitFor();
    const history = dash.locator('article.scorecard .entry-history');
    await history.waitFor();
    expect(await history.textContent()).toMatch(/Resubmission: entered before/);
    expect(await history.textContent()).toMatch(/Loop round A/);
    expect(await history.textContent()).toMatch(/Faster for the customer/);
    expect(await history.locator('.history-feedback li').allTextContents()).toEqual([FEEDBACK_LINE4]);
    const entriesB = await call<JudgingEntryList>('GET', `/api/v1/judging/rounds/${ROUND_B}/entries`);
    expect(entriesB.entries).toHaveLength(1);
    expect(entriesB.entries[0]!.history.map((h) => [h.entryId, h.outcome])).toEqual([[line4Entry, 'not_this_round']]);
  });

  it('7. every new tab shows the winner’s story with its mark, after a content sync', async () => {
    const page = await newPage();
    const title = page.getByRole('heading', { level: 1, name: 'Recognized: Fewer customer problems, Loop round A' });
    // The story may be made on publishing or by the server on the announcement day: sync until it is there.
    await expect
      .poll(
        async () => {
          await syncNow();
          await page.goto('chrome://newtab/');
          await page.locator('.story').first().waitFor();
          return title.isVisible();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(true);
    expect(await page.locator('.story .recognition').textContent()).toBe(`★ ${MARK_LINE}`);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: `${ARTIFACTS}recognition-loop-newtab.png`, fullPage: true });
    // Every new tab: another one shows it too.
    const another = await newPage();
    await another.goto('chrome://newtab/');
    await another.getByRole('heading', { level: 1, name: 'Recognized: Fewer customer problems, Loop round A' }).waitFor();
    await another.close();
    await page.close();
    expect(pageErrors).toEqual([]);
  });
});
