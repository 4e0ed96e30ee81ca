import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/src/auth/tokens';
import { insertAdminToken } from '../../server/src/storage/queries/insert-admin-token';
import { openDatabase } from '../../server/src/storage/sqlite/open-database';
import { sqliteStorage } from '../../server/src/storage/sqlite/sqlite-storage';
import { addDays } from '../../shared/src/domain/local-day';
import type { EntryDraft, EntryReceipt } from '../../shared/src/schemas/recognition-entry';
import type { RoundRecord } from '../../shared/src/schemas/recognition-round';
import type { Schedule } from '../../shared/src/schemas/schedule';
import { buildDashboard } from '../support/build-dashboard';
import { assertChromium } from '../support/launch-extension';
import { roundDraft } from '../support/recognition-api';
import { startServer, type RunningServer } from '../support/start-server';
import { adminCall, judgingDashboard } from '../support/judging-dashboard';

const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'cc-dashboard-judging-'));
const databasePath = join(folder, 'cc.db');
/** Two judges free to score the support desk's entry, and a third tied to support (a conflict of interest). */
const ANN = 'an-judge-token-0123456789abcdefghijkl';
const BO = 'bo-judge-token-0123456789abcdefghijkl';
const CY = 'cy-judge-token-0123456789abcdefghijkl';
let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let supportEntry: string;
let opsEntry: string;

const call = <T>(method: string, path: string, body?: unknown) => adminCall<T>(server, method, path, body);

function entry(team: EntryDraft['team'], overrides: Partial<EntryDraft>): EntryDraft {
  return {
    roundId: 'e2e-judging',
    categoryId: 'faster-for-the-customer',
    team,
    customer: 'Harbour Bank — operations lead',
    before: 'A refund took 12 working days from the customer’s request.',
    after: 'A refund takes 2 working days: 6X less waiting.',
    method: 'Refunds under $500 are approved by the desk itself, the same day, with a weekly sample check by finance.',
    acknowledgement: { quote: 'The refund was there before I had asked twice.', source: 'Customer email, 3 November' },
    selfCheck: [
      { criterionId: 'less-waiting', status: 'met', note: '12 → 2 days on 80 refunds.' },
      { criterionId: 'customer-acknowledged', status: 'partly' },
    ],
    installId: randomUUID(),
    ...overrides,
  };
}

/**
 * The round is made open today, takes two entries through the extension's
 * route (as employees would send them), then the CX lead moves its days so
 * that submissions closed yesterday and judging runs today: the server's
 * clock is the real one, and this is how a round reaches judging honestly.
 */
async function seedRound() {
  const { today } = await call<Schedule>('GET', '/api/v1/admin/schedule');
  const draft = roundDraft({ id: 'e2e-judging', name: 'E2E judging round', submissionOpens: addDays(today, -7), submissionCloses: today, judgingEnds: addDays(today, 7), announceOn: addDays(today, 10) });
  const round = await call<RoundRecord>('POST', '/api/v1/admin/recognition/rounds', draft);
  expect(round.phase).toBe('open');
  const submit = (draft: EntryDraft) => call<EntryReceipt>('POST', '/api/v1/recognition/entries', draft);
  supportEntry = (await submit(entry({ name: 'Returns desk', department: 'support' }, {}))).entryId;
  opsEntry = (
    await submit(
      entry(
        { name: 'Logistics planning team', department: 'operations' },
        {
          customer: 'Orchard Stores — regional buyer',
          before: 'Deliveries reached a store 5 days after its order.',
          after: 'Deliveries reach a store in 2 days.',
          // Markup a team typed is their text, shown as such: nothing runs.
          method: 'Routes planned backwards from each store’s receiving window. <img src=x onerror="window.__ran=1">',
          acknowledgement: undefined,
          selfCheck: [{ criterionId: 'less-waiting', status: 'met' }],
        },
      ),
    )
  ).entryId;
  const { categories, name, submissionOpens } = draft;
  const moved = await call<RoundRecord>('PUT', '/api/v1/admin/recognition/rounds/e2e-judging', {
    name,
    categories,
    submissionOpens,
    submissionCloses: addDays(today, -1),
    judgingEnds: addDays(today, 7),
    announceOn: addDays(today, 10),
    revision: round.revision,
  });
  expect(moved.phase).toBe('judging');
}

const judging = () => judgingDashboard(() => page, server.url);
const signInAs = (token: string) => judging().signInAs(token);
const pickRound = () => judging().pickRound('e2e-judging');
const entryButtons = () => judging().entryButtons();
const score = (team: string, scores: Record<string, number>, feedback: string, note = '') => judging().score(team, scores, feedback, note);

async function screenshot(name: string) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  buildDashboard();
  // Groups of one may be shown (no usage here): the round's entries per department show as a table.
  server = await startServer({ databasePath, env: { MIN_GROUP_SIZE: '1' } });
  const storage = sqliteStorage(openDatabase(databasePath));
  try {
    await insertAdminToken(storage, 'Ann (judge)', hashToken(ANN), new Date(), { role: 'judge', department: 'manufacturing' });
    await insertAdminToken(storage, 'Bo (judge)', hashToken(BO), new Date(), { role: 'judge' });
    await insertAdminToken(storage, 'Cy (judge)', hashToken(CY), new Date(), { role: 'judge', department: 'support' });
  } finally {
    await storage.close();
  }
  await seedRound();
  browser = await chromium.launch({
    executablePath: assertChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('judging in the dashboard', () => {
  it('a judge sees the entry with its criteria and self-check, and a scorecard refused by the server says why in words', async () => {
    await signInAs(ANN);
    await pickRound();
    await page.locator('article.scorecard').waitFor();
    expect(await entryButtons()).toEqual(['Returns desk', 'Logistics planning team']);
    const card = page.locator('article.scorecard');
    expect(await card.textContent()).toMatch(/Harbour Bank/);
    expect(await card.textContent()).toMatch(/The refund was there before I had asked twice/);
    expect(await card.textContent()).toMatch(/Before and after, measured the same way\./);
    expect(await card.textContent()).toMatch(/The team’s self-check: Met — 12 → 2 days on 80 refunds\./);
    expect(await card.textContent()).toMatch(/shown to[^.]*unsigned|unsigned: your name is never shown/);
    // One criterion scored, the other left out: the server names it, nothing is saved.
    await card.getByRole('group', { name: /How much less the customer waits/ }).getByRole('radio', { name: /^4\b/ }).check();
    await card.getByRole('button', { name: 'Save scorecard' }).click();
    await card.getByRole('alert').waitFor();
    expect(await card.getByRole('alert').textContent()).toMatch(/customer-acknowledged/);
    expect(await card.getByRole('alert').textContent()).toMatch(/Nothing was saved/);
    // Looking at another entry keeps what was typed here, and the list says it is not saved.
    await card.getByLabel('Feedback to the team').fill('Half a thought');
    const entries = page.getByRole('navigation', { name: 'Entries' });
    await entries.getByRole('button', { name: /Logistics planning team/ }).click();
    await card.getByRole('heading', { name: 'Logistics planning team' }).waitFor();
    expect(await entries.getByRole('button', { name: /Returns desk/ }).textContent()).toMatch(/Unsaved changes/);
    await entries.getByRole('button', { name: /Returns desk/ }).click();
    await card.getByRole('heading', { name: 'Returns desk' }).waitFor();
    expect(await card.getByLabel('Feedback to the team').inputValue()).toBe('Half a thought');
    expect(await card.getByRole('group', { name: /How much less the customer waits/ }).getByRole('radio', { name: /^4\b/ }).isChecked()).toBe(true);
  });

  it('two judges score the support desk’s entry; the scorecard is captured', async () => {
    await score('Returns desk', { 'How much less the customer waits': 4, 'The customer noticed': 3 }, 'Strong figures, measured on 80 refunds. Next time ask the customer to confirm the 2 days in writing.', 'Check the sample size with finance.');
    await score('Logistics planning team', { 'How much less the customer waits': 3, 'The customer noticed': 1 }, '');
    expect(await page.locator('article.scorecard').textContent()).toContain('<img src=x onerror="window.__ran=1">');
    expect(await page.evaluate(() => (window as { __ran?: number }).__ran)).toBeUndefined();
    await page.getByRole('navigation', { name: 'Entries' }).getByRole('button', { name: /Returns desk/ }).click();
    await page.locator('article.scorecard').getByRole('heading', { name: 'Returns desk' }).waitFor();
    // A radio group answers the keyboard: arrows move the score.
    const waits = page.locator('article.scorecard').getByRole('group', { name: /How much less the customer waits/ });
    await waits.getByRole('radio', { name: /^4\b/ }).focus();
    await page.keyboard.press('ArrowLeft');
    expect(await waits.getByRole('radio', { name: /^3\b/ }).isChecked()).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await waits.getByRole('radio', { name: /^4\b/ }).isChecked()).toBe(true);
    // Back to what was saved: nothing is left unsaved.
    expect(await page.getByRole('navigation', { name: 'Entries' }).getByRole('button', { name: /Returns desk/ }).textContent()).not.toMatch(/Unsaved/);
    // The radio kept its choice after saving.
    expect(await page.locator('article.scorecard').getByRole('group', { name: /The customer noticed/ }).getByRole('radio', { name: /^3\b/ }).isChecked()).toBe(true);
    await screenshot('judging-scorecard');

    await signInAs(BO);
    await pickRound();
    await page.locator('article.scorecard').waitFor();
    await score('Returns desk', { 'How much less the customer waits': 5, 'The customer noticed': 2 }, 'A clear method other desks can copy.');
  });

  it('a third judge, tied to support, never sees the support desk’s entry', async () => {
    await signInAs(CY);
    await pickRound();
    await page.locator('article.scorecard').waitFor();
    expect(await entryButtons()).toEqual(['Logistics planning team']);
    // The round is in the address: a reload opens it again.
    expect(new URL(page.url()).hash).toBe('#/judging/e2e-judging');
    await page.reload();
    await page.locator('article.scorecard').waitFor();
    expect(await page.getByLabel('Round').inputValue()).toBe('e2e-judging');
    expect(await entryButtons()).toEqual(['Logistics planning team']);
    expect(await page.locator('main').textContent()).toMatch(/your own department \(support\) are not shown to you/);
    await page.getByRole('button', { name: 'Panel summary' }).click();
    await page.locator('table.summary-table').waitFor();
    expect(await page.locator('table.summary-table').textContent()).not.toMatch(/Returns desk/);
    // Not scored by Cy yet: the figures stay sealed for them.
    expect(await page.locator('table.summary-table').textContent()).toMatch(/Sealed until you score it/);
  });

  it('the chair reads the panel summary, marks a winner, is refused publishing while an entry lacks feedback, writes it, and publishes', async () => {
    await signInAs(server.adminToken);
    await pickRound();
    await page.getByRole('button', { name: 'Panel summary' }).click();
    const table = page.locator('table.summary-table');
    await table.waitFor();
    const returns = table.locator('tr', { hasText: 'Returns desk' });
    // Ann 4·5+3·2 = 26/7 ≈ 3.71; Bo 5·5+2·2 = 29/7 ≈ 4.14: average 3.93, spread 0.43.
    expect(await returns.textContent()).toMatch(/3\.93/);
    expect(await returns.textContent()).toMatch(/0\.43/);
    expect(await returns.textContent()).toMatch(/Ann \(judge\), Bo \(judge\)/);
    const ops = table.locator('tr', { hasText: 'Logistics planning team' });
    expect(await ops.textContent()).toMatch(/Bo \(judge\)/); // Bo has not scored it
    expect(await ops.textContent()).toMatch(/none yet/);
    await returns.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Publish results' }).click();
    const refusal = page.locator('.panel-summary [role="alert"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/Logistics planning team/);
    expect(await page.locator('.refused-entries').textContent()).toMatch(/“Logistics planning team” \(operations\) needs feedback/);
    await screenshot('judging-panel-summary');

    // The chair writes the feedback the team is waiting for (an admin may score), then publishes.
    await page.getByRole('button', { name: 'Scorecards' }).click();
    await score('Logistics planning team', { 'How much less the customer waits': 3, 'The customer noticed': 1 }, 'Good cut in days; the customer’s own words would have made it a winner.');
    await page.getByRole('button', { name: 'Panel summary' }).click();
    await table.waitFor();
    expect(await table.locator('tr', { hasText: 'Returns desk' }).getByRole('checkbox').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Publish results' }).click();
    await page.getByText(/are published: 1 recognized, 1 not this round/).waitFor();
    await table.locator('tr', { hasText: 'Returns desk' }).getByText('Recognized').waitFor();
    expect(await table.locator('tr', { hasText: 'Logistics planning team' }).textContent()).toMatch(/Not this round/);
    await screenshot('judging-published');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot('judging-published-dark');
    await page.getByRole('button', { name: 'Scorecards' }).click();
    await page.locator('article.scorecard').waitFor();
    await screenshot('judging-scorecard-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    const outcomes = await call<{ entries: { id: string; outcome: string | null }[] }>('GET', '/api/v1/judging/rounds/e2e-judging/entries');
    expect(Object.fromEntries(outcomes.entries.map((e) => [e.id, e.outcome]))).toEqual({ [supportEntry]: 'recognized', [opsEntry]: 'not_this_round' });
    expect(pageErrors).toEqual([]);
  });
});

describe('recognition rounds in the dashboard (admins)', () => {
  it('lists the rounds; a new round with a usage criterion is refused in the schema’s words, then created and edited', async () => {
    await signInAs(server.adminToken);
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Rounds' }).click();
    const list = page.locator('table.round-list');
    await list.waitFor();
    expect(await list.textContent()).toMatch(/E2E judging round/);
    expect(await list.textContent()).toMatch(/2027 Q1|Taking entries/);

    await page.getByRole('button', { name: 'New round' }).click();
    await page.getByLabel('Name', { exact: true }).fill('2027 Q2');
    const { today } = await call<Schedule>('GET', '/api/v1/admin/schedule');
    await page.getByLabel('Submissions open').fill(addDays(today, 30));
    await page.getByLabel('Submissions close').fill(addDays(today, 50));
    await page.getByLabel('Judging ends').fill(addDays(today, 60));
    await page.getByLabel('Winners announced on').fill(addDays(today, 65));
    await page.getByLabel('Category name').fill('Faster for the customer');
    await page.getByLabel('Description').fill('The customer waits less for what they need from us.');
    await page.getByLabel('Criterion name').fill('Adoption of the new tab');
    await page.getByLabel('Guidance for judges').fill('Count how often the team clicked the new tab.');
    await page.getByLabel('Evidence that counts').fill('The usage figures.');
    await page.getByRole('button', { name: 'Create round' }).click();
    const refusal = page.locator('.round-editor [role="alert"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/usage figures .*are never criteria/);
    expect(await page.locator('.field .error').first().textContent()).toMatch(/never criteria/);
    await screenshot('rounds-usage-refused');

    await page.getByLabel('Criterion name').fill('How much less the customer waits');
    await page.getByLabel('Guidance for judges').fill('Before and after, measured the same way from the customer’s side.');
    await page.getByLabel('Evidence that counts').fill('Before and after figures of the wait.');
    await page.getByRole('button', { name: 'Add a criterion' }).click();
    await page.getByLabel('Criterion name').nth(1).fill('The customer noticed');
    await page.getByLabel('Guidance for judges').nth(1).fill('Their own words, with a named source.');
    await page.getByLabel('Evidence that counts').nth(1).fill('A quote and where it was said.');
    await page.getByLabel('Kind').nth(1).selectOption('customer_acknowledgement');
    await page.getByLabel(/Weight/).nth(1).fill('2');
    await page.getByRole('button', { name: 'Create round' }).click();
    await page.getByText('2027 Q2 is created.').waitFor();
    await screenshot('rounds-editor');
    const rounds = await call<{ rounds: RoundRecord[] }>('GET', '/api/v1/admin/recognition/rounds');
    const created = rounds.rounds.find((r) => r.name === '2027 Q2')!;
    expect(created.categories[0]!.criteria.map((c) => [c.id, c.kind, c.weight])).toEqual([
      ['how-much-less-the-customer-waits', 'outcome', 3],
      ['the-customer-noticed', 'customer_acknowledgement', 2],
    ]);

    // An edit keeps the ids and goes through the revision check.
    await page.getByLabel('Name', { exact: true }).fill('2027 Q2 (spring)');
    await page.getByRole('button', { name: 'Save round' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor();
    const after = (await call<{ rounds: RoundRecord[] }>('GET', '/api/v1/admin/recognition/rounds')).rounds.find((r) => r.id === created.id)!;
    expect(after.name).toBe('2027 Q2 (spring)');
    expect(after.revision).toBe(created.revision + 1);

    // A round nobody entered may be deleted; one teams entered is kept, in the server's words.
    await page.getByRole('button', { name: 'Delete round' }).click();
    await page.locator('table.round-list').waitFor();
    expect(await page.locator('table.round-list').textContent()).not.toMatch(/2027 Q2/);
    await page.getByRole('link', { name: 'E2E judging round' }).click();
    await page.getByRole('heading', { name: 'E2E judging round' }).waitFor();
    expect(await page.locator('.notice').textContent()).toMatch(/published; it is kept/);
    expect(await page.getByRole('button', { name: 'Delete round' }).count()).toBe(0);
    // Its entries per department, by name; winners not before the announcement day.
    const stats = page.locator('.round-stats table');
    await stats.waitFor();
    expect(await stats.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)))).toEqual([
      ['Customer Support', '1', '—'],
      ['Operations', '1', '—'],
      ['All departments', '2', '—'],
    ]);
    await screenshot('rounds-published');
    // The demo round, open with its entries: Delete is refused in the server's words.
    await page.getByRole('link', { name: '← Rounds' }).click();
    const demo = page.locator('table.round-list tbody tr', { hasText: 'Taking entries' }).getByRole('link');
    await demo.click();
    await page.getByRole('button', { name: 'Delete round' }).click();
    await page.locator('.round-editor [role="alert"]').waitFor();
    expect(await page.locator('.round-editor [role="alert"]').textContent()).toMatch(/has 4 entries; a round teams have entered is kept\. Nothing was deleted\./);
    expect(pageErrors).toEqual([]);
  });
});
