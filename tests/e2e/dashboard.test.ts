import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UsageEvent } from '../../shared/src/schemas/usage-event';
import { buildDashboard } from '../support/build-dashboard';
import { assertChromium } from '../support/launch-extension';
import { installIds, makeEvent } from '../support/make-event';
import { seedEvents as storeHistory } from '../support/seed-events';
import { startServer, type RunningServer } from '../support/start-server';

const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'cc-dashboard-'));
const databasePath = join(folder, 'cc.db');
let server: RunningServer;
let browser: Browser;
let page: Page;
const cspViolations: string[] = [];
const pageErrors: string[] = [];
const failedFiles: string[] = [];

const DAY = 86_400_000;
const now = Date.now();
/** Figures are made of whole, finished weeks (Monday to Sunday, UTC here): this week is never shown. */
const THIS_MONDAY = now - (((new Date(now).getUTCDay() + 6) % 7) * DAY) - (now % DAY);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Wednesday mid-morning of last week, and of the week before. */
const LAST_WEEK = new Date(THIS_MONDAY - 7 * DAY + 2 * DAY + 10 * 3_600_000).toISOString();
const WEEK_BEFORE = new Date(THIS_MONDAY - 14 * DAY + 2 * DAY + 10 * 3_600_000).toISOString();

/**
 * What a small company's browsers sent, over two whole weeks. Last week:
 * sales 7 installs; engineering 10 (five engineers, a product manager,
 * four support engineers); legal 2 and IT 3, too few to be named, but
 * together five installs from two departments, so they make "Other". The
 * week before: sales and engineering, five installs each.
 * Inside engineering, the product manager (1) and support (4) are too few
 * to be named alone and are counted together; the one who used Google
 * Calendar and the four who used the popup likewise.
 */
function seedEvents(): UsageEvent[] {
  const events: UsageEvent[] = [];
  const add = (installId: string, department: string, role: string, at: string, rest: Partial<UsageEvent>) =>
    events.push(makeEvent({ installId, department, role, at, surface: 'newtab', ...rest }));

  installIds(7).forEach((id, i) => {
    add(id, 'sales', 'sales', LAST_WEEK, { type: 'story_viewed', storyId: 'sales-said-no' });
    add(id, 'sales', 'sales', LAST_WEEK, { type: 'action_taken', actionId: 'sales-ask-why' });
    add(id, 'sales', 'sales', LAST_WEEK, { type: 'prompt_shown', promptId: 'who-waits' });
    if (i < 3) add(id, 'sales', 'sales', LAST_WEEK, { type: 'action_taken', actionId: 'sales-follow-up', surface: 'popup' });
    if (i < 2) add(id, 'sales', 'sales', LAST_WEEK, { type: 'story_shared', storyId: 'sales-said-no', surface: 'popup' });
    if (i < 5) add(id, 'sales', 'sales', WEEK_BEFORE, { type: 'story_viewed', storyId: 'support-one-call' });
    if (i < 2) add(id, 'sales', 'sales', WEEK_BEFORE, { type: 'action_taken', actionId: 'sales-share-feedback' });
  });
  installIds(10).forEach((id, i) => {
    const role = i < 5 ? 'engineering' : i === 5 ? 'product' : 'support';
    add(id, 'engineering', role, LAST_WEEK, { type: 'story_viewed', storyId: 'night-shift-login' });
    if (i !== 5 && i !== 9) add(id, 'engineering', role, LAST_WEEK, { type: 'prompt_shown', promptId: 'want-this', surface: 'meet' });
    if (i < 3) add(id, 'engineering', role, LAST_WEEK, { type: 'prompt_inserted', promptId: 'want-this', surface: 'meet' });
    if (role === 'engineering') add(id, 'engineering', role, LAST_WEEK, { type: 'action_taken', actionId: 'engineering-read-tickets' });
    if (i < 3) add(id, 'engineering', role, LAST_WEEK, { type: 'action_taken', actionId: 'engineering-fix-papercut' });
    if (i === 3 || i === 4) add(id, 'engineering', role, LAST_WEEK, { type: 'action_taken', actionId: 'engineering-listen-call' });
    if (role === 'product') {
      add(id, 'engineering', role, LAST_WEEK, { type: 'action_taken', actionId: 'product-evidence' });
      add(id, 'engineering', role, LAST_WEEK, { type: 'story_inserted', storyId: 'night-shift-login', surface: 'calendar' });
    }
    if (role === 'support') add(id, 'engineering', role, LAST_WEEK, { type: 'action_taken', actionId: 'support-close-loop', surface: 'popup' });
    if (i < 5) add(id, 'engineering', role, WEEK_BEFORE, { type: 'story_viewed', storyId: 'engineering-offline-mode' });
    if (i < 4) add(id, 'engineering', role, WEEK_BEFORE, { type: 'action_taken', actionId: 'engineering-error-message' });
  });
  installIds(2).forEach((id) => {
    add(id, 'legal', 'legal', LAST_WEEK, { type: 'story_viewed', storyId: 'safety-recall-letter' });
    add(id, 'legal', 'legal', LAST_WEEK, { type: 'action_taken', actionId: 'legal-plain-clause' });
  });
  installIds(3).forEach((id) => {
    add(id, 'it', 'it', LAST_WEEK, { type: 'story_viewed', storyId: 'it-month-end-window' });
    add(id, 'it', 'it', LAST_WEEK, { type: 'action_taken', actionId: 'it-customer-tool' });
  });
  return events;
}
const SEED = seedEvents();

const COUNTER_OF = {
  story_viewed: 'storyViews',
  prompt_shown: 'promptsShown',
  prompt_inserted: 'promptsInserted',
  story_inserted: 'storiesInserted',
  story_shared: 'storiesShared',
  action_taken: 'actionsTaken',
} as const;
type Counted = { activeInstalls: number } & Record<(typeof COUNTER_OF)[keyof typeof COUNTER_OF], number>;

/**
 * What the page must show, counted here independently of the server: the
 * events of the chosen departments sent since `since`, and the average
 * weekly active installs (given, since the scenario fixes them).
 */
function expected(filter: (e: UsageEvent) => boolean, since: number, activeInstalls: number): Counted {
  const chosen = SEED.filter((e) => filter(e) && Date.parse(e.at) >= since);
  const counted: Counted = { activeInstalls, storyViews: 0, promptsShown: 0, promptsInserted: 0, storiesInserted: 0, storiesShared: 0, actionsTaken: 0 };
  for (const e of chosen) if (e.type !== 'team_thanked') counted[COUNTER_OF[e.type]]++;
  return counted;
}
const FOUR_WEEKS = THIS_MONDAY - 28 * DAY;
const ONE_WEEK = THIS_MONDAY - 7 * DAY;
const OTHER = (e: UsageEvent) => e.department === 'legal' || e.department === 'it';

/** The overview's cells: weekly installs, adoption, stories seen, questions shown, inserted, stories inserted, shared, actions. */
const cells = (c: Counted, adoption: string) =>
  [c.activeInstalls, adoption, c.storyViews, c.promptsShown, c.promptsInserted, c.storiesInserted, c.storiesShared, c.actionsTaken].map(String);
const pct = (installs: number, headcount: number) => `${Math.round((installs / headcount) * 100)}%`;
/** The demo content's headcounts: sales 80, engineering 120, the whole company 693. */
const HEADCOUNT = { sales: 80, engineering: 120, company: 693 };

async function signIn(token: string) {
  await page.getByLabel('Admin token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const cellsOf = async (rowName: string) =>
  page.locator('table.figures tbody tr', { has: page.locator('th', { hasText: rowName }) }).first().locator('td').allTextContents();

/** Every figure row of the overview table, by the name in its first cell. */
const tableRows = () =>
  page.$$eval('table.figures tbody tr', (rows) =>
    rows.map((row) => [row.querySelector('th')!.textContent!.trim(), ...[...row.querySelectorAll('td')].map((td) => td.textContent!.trim())]),
  );

async function screenshot(name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // Let the charts redraw in the new scheme's colours.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: `${ARTIFACTS}dashboard-${name}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  buildDashboard();
  server = await startServer({ databasePath });
  browser = await chromium.launch({
    executablePath: assertChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  // Injected by the browser driver, so the CSP does not apply to it; it reports what the CSP refused.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // The page's own files (HTML, scripts, styles, icon) must all load; API answers are checked where they matter.
  page.on('response', (response) => {
    if (response.status() >= 400 && !new URL(response.url()).pathname.startsWith('/api/')) failedFiles.push(`${response.status()} ${response.url()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('the CX dashboard in Chromium', () => {
  it('refuses a wrong token with a clear message', async () => {
    await page.goto(server.url);
    await signIn('not-the-right-token');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/That admin token is not valid/);
    expect(page.url()).not.toMatch(/token/);
  });

  it('shows a new CX lead how to get the first figures when no events came in yet', async () => {
    await signIn(server.adminToken);
    const empty = page.locator('section.empty');
    await empty.waitFor();
    const text = (await empty.textContent()) ?? '';
    expect(text).toMatch(/No activity in this period yet/);
    expect(text).toMatch(/Deploying to a company/);
    expect(text).toMatch(/extension\/\.output\/chrome-mv3/);
    expect(text).toContain(server.url);
    // The token lives nowhere in the page: not in storage, the address, or a script-readable cookie.
    const kept = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie, url: location.href }));
    expect(kept).toEqual({ local: 0, session: 0, cookie: '', url: `${server.url}/` });
    await screenshot('empty');
  });

  it('shows the numbers that were sent by whole weeks, the small departments only together as Other', async () => {
    // Sent last week and the week before, and received then (over HTTP now, they would count this week).
    expect(storeHistory(databasePath, SEED)).toBe(SEED.length);
    await page.reload();
    await page.locator('table.figures').waitFor();

    // The last four whole weeks; two of them had activity: the averages are over those two.
    const company = expected(() => true, FOUR_WEEKS, (22 + 10) / 2);
    const sales = expected((e) => e.department === 'sales', FOUR_WEEKS, (7 + 5) / 2);
    const engineering = expected((e) => e.department === 'engineering', FOUR_WEEKS, (10 + 5) / 2);
    const other = expected(OTHER, FOUR_WEEKS, (5 + 0) / 2);
    const rows = await tableRows();
    expect(rows.slice(0, 4)).toEqual([
      ['Whole company', ...cells(company, pct(16, HEADCOUNT.company))],
      ['Engineering', ...cells(engineering, pct(7.5, HEADCOUNT.engineering))],
      ['Sales', ...cells(sales, pct(6, HEADCOUNT.sales))],
      ['Other (small groups)', ...cells(other, '—')],
    ]);
    expect(await page.locator('.kpi', { hasText: 'Actions logged' }).locator('.kpi-value').textContent()).toBe(String(company.actionsTaken));
    expect(await page.locator('h1 .period').textContent()).toContain(`${4} whole weeks`);

    // Legal and IT are named only in the list of departments without figures, together with every
    // department that had no activity at all, with one reason for all: nothing tells which were small.
    const suppressed = page.getByTestId('suppressed-row');
    expect(rows[4]![0]).toBe('Not shown on their own');
    const listed = (await suppressed.locator('.suppressed-names').textContent())!.split(', ');
    expect(listed).toEqual(['Customer Support', 'Finance', 'IT', 'Legal', 'Manufacturing', 'Marketing', 'Operations', 'People Operations', 'Product', 'Product Safety']);
    expect(await suppressed.locator('.suppressed-why').textContent()).toMatch(/fewer than 5 active installs in at least one of these weeks, was folded in with a smaller department, or had no activity/);
    expect(await page.getByTestId('privacy-note').textContent()).toMatch(/2 departments are counted together as “Other \(small groups\)”.*at least 5 active installs in every week shown/);

    expect(await page.locator('.chart canvas').count()).toBe(2);
    expect(await page.locator('.chart').first().locator('.u-legend').textContent()).toMatch(/Engineering.*Sales.*Other \(small groups\)/);
    expect((await page.locator('.chart').first().locator('.u-legend').textContent())!.toLowerCase()).not.toMatch(/legal|\bit\b/);
    await screenshot('overview');
  });

  it('narrows to last week with a preset', async () => {
    await page.getByRole('button', { name: 'Last week', exact: true }).click();
    await expect.poll(cellsOf.bind(null, 'Whole company')).toEqual(cells(expected(() => true, ONE_WEEK, 22), pct(22, HEADCOUNT.company)));
    expect(await cellsOf('Sales')).toEqual(cells(expected((e) => e.department === 'sales', ONE_WEEK, 7), pct(7, HEADCOUNT.sales)));
    expect(await cellsOf('Other (small groups)')).toEqual(cells(expected(OTHER, ONE_WEEK, 5), '—'));
    expect(await page.getByRole('button', { name: 'Last week', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Last 4 weeks' }).click();
    await expect.poll(cellsOf.bind(null, 'Whole company')).toEqual(cells(expected(() => true, FOUR_WEEKS, 16), pct(16, HEADCOUNT.company)));
  });

  it('widens a custom period to whole weeks, says so, and says what is wrong with an impossible one', async () => {
    await page.getByLabel('From', { exact: true }).fill(day(THIS_MONDAY - 5 * DAY));
    await page.getByLabel('To', { exact: true }).fill(day(THIS_MONDAY - 6 * DAY));
    await page.getByRole('button', { name: 'Show period' }).click();
    await expect.poll(() => page.locator('.field-error').textContent()).toBe('The start date must not be after the end date.');
    await page.getByLabel('From', { exact: true }).fill('1999-12-31');
    await page.getByRole('button', { name: 'Show period' }).click();
    await expect.poll(() => page.locator('.field-error').textContent()).toMatch(/between 2000-01-01 and 2100-12-31/);

    // Two days of last week: the figures are last week's, whole.
    await page.getByLabel('From', { exact: true }).fill(day(THIS_MONDAY - 6 * DAY));
    await page.getByLabel('To', { exact: true }).fill(day(THIS_MONDAY - 5 * DAY));
    await page.getByRole('button', { name: 'Show period' }).click();
    await expect.poll(cellsOf.bind(null, 'Whole company')).toEqual(cells(expected(() => true, ONE_WEEK, 22), pct(22, HEADCOUNT.company)));
    expect(await page.getByTestId('weeks-note').textContent()).toMatch(/whole weeks \(Monday to Sunday\) that have finished/);
    expect(await page.locator('.field-error').count()).toBe(0);
    expect(await page.locator('[aria-pressed="true"]').count()).toBe(0);
    await screenshot('custom-period');

    // This week has not finished: nothing to show yet, and the page says when.
    await page.getByLabel('From', { exact: true }).fill(day(THIS_MONDAY));
    await page.getByLabel('To', { exact: true }).fill(day(THIS_MONDAY));
    await page.getByRole('button', { name: 'Show period' }).click();
    await expect.poll(() => page.getByTestId('no-whole-week').textContent()).toMatch(/No whole week has finished in this period yet/);
    await screenshot('no-whole-week');

    await page.getByRole('button', { name: 'Last 4 weeks' }).click();
    await expect.poll(() => page.getByLabel('From', { exact: true }).inputValue()).toBe(day(FOUR_WEEKS));
  });

  it('says what went wrong when the server fails, and recovers on "Try again"', async () => {
    await page.route('**/api/v1/dashboard/overview*', (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'Something went wrong on the server; nothing was changed.' } }) }),
    );
    await page.getByRole('button', { name: 'Last 13 weeks' }).click();
    const failure = page.locator('.failure');
    await expect.poll(() => failure.textContent()).toMatch(/Could not load the figures: Something went wrong on the server/);
    await page.unroute('**/api/v1/dashboard/overview*');
    await failure.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => failure.count()).toBe(0);
    expect(await cellsOf('Whole company')).toEqual(cells(expected(() => true, THIS_MONDAY - 91 * DAY, 16), pct(16, HEADCOUNT.company)));
    await page.getByRole('button', { name: 'Last 4 weeks' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Last 4 weeks' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('sorts by a column when its header is clicked', async () => {
    const names = () => page.locator('table.figures tbody tr:not(.total):not(.other):not(.suppressed) th').allTextContents();
    expect(await names()).toEqual(['Engineering', 'Sales']);
    await page.getByRole('button', { name: 'Department' }).click();
    expect(await names()).toEqual(['Engineering', 'Sales']);
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toBe('Department');
    await page.getByRole('button', { name: 'Questions inserted' }).click();
    expect(await names()).toEqual(['Engineering', 'Sales']);
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toBe('Questions inserted');
    // Whole company stays on top, Other and the departments not shown at the bottom, whatever the order.
    const all = await page.locator('table.figures tbody th').allTextContents();
    expect([all[0], ...all.slice(-2)]).toEqual(['Whole company', 'Other (small groups)', 'Not shown on their own']);
  });

  it('exports the figures on screen as CSV, the same numbers as the page', async () => {
    const [departmentsCsv, weeklyCsv] = await page.evaluate(async () => {
      const text = async (selector: string) => (await fetch(document.querySelector<HTMLAnchorElement>(selector)!.href)).text();
      return Promise.all([text('a[href*="stats.csv"][href*="view=departments"]'), text('a[href*="stats.csv"][href*="view=weekly"]')]);
    });
    const csv = departmentsCsv.trimEnd().split('\r\n').map((line) => line.split(','));
    expect(csv[0]).toEqual(['department', 'weeklyActiveInstalls', 'storyViews', 'promptsShown', 'promptsInserted', 'storiesInserted', 'storiesShared', 'actionsTaken', 'actionsByRole']);
    const onPage = new Map((await tableRows()).filter(([name]) => name !== 'Not shown on their own').map(([name, ...figures]) => [name, figures.filter((_, i) => i !== 1)]));
    const pageName: Record<string, string> = { 'All departments': 'Whole company', sales: 'Sales', engineering: 'Engineering', 'Other (small groups)': 'Other (small groups)' };
    // The same rows as the page (the CSV keeps the API's order, whatever the page is sorted by).
    expect(csv.slice(1).map((row) => pageName[row[0]!]).sort()).toEqual([...onPage.keys()].sort());
    for (const row of csv.slice(1)) expect(row.slice(1, 8), row[0]).toEqual(onPage.get(pageName[row[0]!]!));
    expect(departmentsCsv.toLowerCase()).not.toMatch(/legal|\bit\b/);

    // The weekly CSV adds up to the same actions: each week's rows are that week's own split.
    const weekly = weeklyCsv.trimEnd().split('\r\n').slice(1).map((line) => line.split(','));
    expect(String(weekly.reduce((sum, row) => sum + Number(row[8]), 0))).toBe(onPage.get('Whole company')![6]);
    expect(weeklyCsv.toLowerCase()).not.toMatch(/legal|\bit\b/);
  });

  it('opens a department in depth, with action and story names, and exports it', async () => {
    await page.getByRole('button', { name: 'Engineering' }).click();
    await page.getByText('Where the customer showed up').waitFor();
    const panel = (title: string) => page.locator('.panel', { has: page.getByRole('heading', { name: title }) });

    // Five in the engineering role are named; the product manager (1) and support (4) only together.
    const roles = await panel('Actions logged, by role').locator('li').allInnerTexts();
    expect(roles.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual(['Engineering 14', 'Other roles (small groups) 5']);
    // Only the action five engineers logged, every week it was logged; the rest are too few people each.
    const actions = await panel('Most-logged actions').locator('li').allInnerTexts();
    expect(actions.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual(['Read three support tickets about the feature you are working on. 5']);
    const surfaces = panel('Where the customer showed up');
    expect(await surfaces.locator('tbody th').allTextContents()).toEqual(['Google Meet', 'New tab', 'Other surfaces (few users)']);
    expect(await surfaces.locator('tr', { hasText: 'Google Meet' }).locator('td').allTextContents()).toEqual(['0', '8', '3', '0', '0', '0']);
    // The one Calendar user and the four popup users, together.
    expect(await surfaces.locator('tr', { hasText: 'Other surfaces' }).locator('td').allTextContents()).toEqual(['0', '0', '0', '1', '0', '4']);
    expect(await page.getByTestId('surfaces-note').textContent()).toMatch(/fewer than 5 installs used in some week/);
    const story = panel('Stories that drew the most engagement').locator('tr', { hasText: 'The night nurse who could not log in' });
    expect(await story.locator('td').allTextContents()).toEqual(['10', '1', '0']);
    expect((await page.evaluate(() => document.body.innerText)).toLowerCase()).not.toContain('legal');

    // The department's CSV holds exactly the API's figures for the period on screen.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    const [, from, to] = /^customer-chair-engineering-(\d{4}-\d{2}-\d{2})-to-(\d{4}-\d{2}-\d{2})\.csv$/.exec(download.suggestedFilename())!;
    const lines = readFileSync((await download.path())!, 'utf8').trimEnd().split('\r\n');
    const api = await page.evaluate(async (query) => (await fetch(`/api/v1/dashboard/departments/engineering?${query}`)).json(), `from=${from}&to=${to}`);
    expect(lines[0]).toBe('section,id,name,measure,value');
    expect(lines).toContain(`department,engineering,,activeInstalls,${api.activeInstalls}`);
    expect(lines).toContain(`role,engineering,Engineering,actionsTaken,${api.actionsByRole.engineering}`);
    expect(lines).toContain(`role,other,Other roles (small groups),actionsTaken,${api.actionsByRole.other}`);
    expect(lines).toContain(`action,engineering-read-tickets,Read three support tickets about the feature you are working on.,count,5`);
    for (const a of api.topActions) expect(lines.filter((line) => line.startsWith(`action,${a.actionId},`) && line.endsWith(`,count,${a.count}`))).toHaveLength(1);
    for (const s of api.topStories) expect(lines.filter((line) => line.startsWith(`story,${s.storyId},`) && line.endsWith(`,views,${s.views}`))).toHaveLength(1);
    expect(lines).toContain('story,night-shift-login,The night nurse who could not log in,views,10');

    await screenshot('department');
    await page.getByRole('button', { name: '← All departments' }).click();
    await page.locator('table.figures').waitFor();
  });

  it('signs out: back to the sign-in screen, and the API refuses the old cookie', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Admin token').waitFor();
    expect(await page.getByRole('status').textContent()).toMatch(/signed out/);
    const statuses = await page.evaluate(async () => [(await fetch('/api/v1/dashboard/overview')).status, (await fetch('/api/v1/session')).status]);
    expect(statuses).toEqual([401, 401]);
    await page.reload();
    await page.getByLabel('Admin token').waitFor();
  });

  it('tells a CX lead when to try again after too many wrong tokens, and still takes the right one', async () => {
    // One wrong token was tried at the start (and the signed-out cookie above counted as another); 10 go free, then each waits longer.
    for (let attempt = 2; attempt <= 11; attempt++) {
      await signIn(`wrong-token-${attempt}`);
      await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isEnabled()).toBe(true);
    }
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Too many wrong credentials from this address.*a correct one is still accepted\. Try again in \d+ seconds?\./);
    await page.screenshot({ path: `${ARTIFACTS}dashboard-sign-in-light.png` });
    // Lock out the guessing, not the account: the right token signs in at once, from the same address.
    await signIn(server.adminToken);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  });

  it('ran without a Content-Security-Policy violation, a script error or a missing file', () => {
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(failedFiles).toEqual([]);
  });
});
