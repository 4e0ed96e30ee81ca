import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/src/domain/local-day';
import type { AuditPage } from '../../shared/src/schemas/audit-entry';
import type { DepartmentList } from '../../shared/src/schemas/department-record';
import type { Settings } from '../../shared/src/schemas/settings';
import type { PromptList } from '../../shared/src/schemas/prompt-record';
import type { RoleList } from '../../shared/src/schemas/role-record';
import type { Schedule } from '../../shared/src/schemas/schedule';
import type { StoryList, StoryRecord } from '../../shared/src/schemas/story-record';
import { buildDashboard } from '../support/build-dashboard';
import { buildExtension } from '../support/build-extension';
import { launchExtension, type ExtensionBrowser } from '../support/launch-extension';
import { syncNow } from '../support/extension-options';
import { setUpExtension } from '../support/set-up-extension';
import { startServer, type RunningServer } from '../support/start-server';

const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;
const SERVER_DIR = fileURLToPath(new URL('../../server/', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'cc-content-'));
const databasePath = join(folder, 'cc.db');
const LABEL = 'Ana (CX)';
let server: RunningServer;
let browser: ExtensionBrowser;
/** Ana's token, made with the server's command-line tool while the server runs. */
let token: string;
let page: Page;
let today: string;
let todays: StoryRecord;
const problems: string[] = [];

/** The admin API with Ana's token, to check what the dashboard did. */
async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${server.url}/api/v1/admin${path}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** A dashboard page in the same browser, reporting script errors and CSP refusals. */
async function dashboardPage(): Promise<Page> {
  const p = await browser.context.newPage();
  await p.setViewportSize({ width: 1360, height: 900 });
  await p.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  p.on('console', (m) => /Content Security Policy/i.test(m.text()) && problems.push(m.text()));
  p.on('pageerror', (e) => problems.push(e.message));
  return p;
}

async function open(p: Page, hash: string) {
  await p.goto(`${server.url}/#/${hash}`);
}

async function screenshot(p: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await p.emulateMedia({ colorScheme: scheme });
    await p.screenshot({ path: `${ARTIFACTS}${name}-${scheme}.png`, fullPage: true });
  }
  await p.emulateMedia({ colorScheme: 'light' });
}

const dayName = (day: string) =>
  new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  buildDashboard();
  buildExtension();
  server = await startServer({ databasePath, env: { MIN_GROUP_SIZE: '1' } });
  const made = execFileSync(process.execPath, ['--import', 'tsx', 'src/main.ts', 'tokens', 'create', '--label', LABEL], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATABASE_PATH: databasePath },
    encoding: 'utf8',
  });
  token = /^\s+(\S+)\s*$/m.exec(made)![1]!;
  const schedule = await api<Schedule>('/schedule');
  today = schedule.today;
  todays = await api<StoryRecord>(`/stories/${schedule.days[0]!.story!.id}`);

  browser = await launchExtension();
  await setUpExtension(browser, { serverUrl: server.url, department: 'sales', role: 'sales' });
  expect(await syncNow(browser)).toMatch(/^Synced/);

  page = await dashboardPage();
  await page.goto(server.url);
  await page.getByLabel('Admin token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(`Signed in as ${LABEL}`).waitFor();
});

afterAll(async () => {
  await browser?.dispose();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('content management in the dashboard, picked up by the extension', () => {
  const title = 'Night shift, found in the morning';
  const paragraph = 'The fix shipped on a Tuesday; by Friday the night nurses had stopped calling at all.';

  it('edits today’s story with a live preview; the extension’s new tab shows the edit after a sync', async () => {
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Stories' }).click();
    await page.getByLabel('Search').fill(todays.customer);
    await page.locator('table.story-list').getByRole('link', { name: todays.title, exact: true }).click();
    await expect.poll(() => page.locator('#title').inputValue()).toBe(todays.title);

    await page.locator('#title').fill(title);
    await page.locator('#body').fill(`${todays.body}\n\n${paragraph}`);
    // The preview follows the typing, as the new tab and the meeting card will show it.
    const newtab = page.getByTestId('preview-newtab');
    await expect.poll(() => newtab.locator('.nt-title').textContent()).toBe(title);
    expect(await newtab.locator('.nt-body').last().textContent()).toBe(paragraph);
    expect(await page.getByTestId('preview-card').locator('.card-title').textContent()).toBe(title);
    expect(await page.getByTestId('preview-chat').textContent()).toContain(`Customer story: ${title} — ${todays.customer}`);
    expect(await page.locator('#title-count').textContent()).toBe(`${120 - title.length} characters left`);
    await page.locator('#title').fill('x'.repeat(125));
    expect(await page.locator('#title-count').textContent()).toBe('5 characters too many');
    await page.locator('#title').fill(title);

    // Credit a team: the preview shows its "Thank" button as the extension will.
    const departments = (await api<DepartmentList>('/departments')).departments;
    const credited = todays.credits ?? [];
    const team = departments.find((d) => !credited.includes(d.id))!;
    const teams = page.getByRole('group', { name: /^Credited teams/ });
    await teams.getByLabel(team.name, { exact: true }).check();
    await expect.poll(() => page.getByTestId('preview-thanks').locator('.preview-button').allTextContents()).toEqual(
      [...credited, team.id].map((id) => `Thank ${departments.find((d) => d.id === id)!.name}`),
    );
    // At most LIMITS.creditsPerStory: the others are disabled and the field says so; unticking gives the choice back.
    const extra = departments.filter((d) => d.id !== team.id && !credited.includes(d.id)).slice(0, 5 - credited.length - 1);
    for (const d of extra) await teams.getByLabel(d.name, { exact: true }).check();
    await expect.poll(() => teams.locator('#credits-limit').textContent()).toBe('5 teams credited, the most a story can: untick one to credit another.');
    const left = departments.find((d) => ![...credited, team.id, ...extra.map((x) => x.id)].includes(d.id))!;
    expect(await teams.getByLabel(left.name, { exact: true }).isDisabled()).toBe(true);
    await teams.screenshot({ path: `${ARTIFACTS}content-story-credits-full.png` });
    for (const d of extra) await teams.getByLabel(d.name, { exact: true }).uncheck();
    await expect.poll(() => teams.locator('#credits-limit').textContent()).toBe('At most 5 teams.');
    expect(await teams.getByLabel(left.name, { exact: true }).isDisabled()).toBe(false);
    await screenshot(page, 'content-story-editor');

    await page.getByRole('button', { name: 'Save story' }).click();
    await page.getByText('Saved. Extensions get the change at their next sync.').waitFor();
    const saved = await api<StoryRecord>(`/stories/${todays.id}`);
    expect(saved.title).toBe(title);
    expect(saved.revision).toBe(todays.revision + 1);
    expect(saved.credits).toEqual([...credited, team.id]);

    expect(await syncNow(browser)).toMatch(/^Synced/);
    const tab = await browser.context.newPage();
    await tab.goto('chrome://newtab/');
    await expect.poll(() => tab.locator('#story-title').textContent()).toBe(title);
    expect(await tab.locator('.body').allTextContents()).toContain(paragraph);
    await tab.close();
  });

  it('refuses a stale edit with a clear message, keeps the form, and saves after loading the newer version', async () => {
    const first = await dashboardPage();
    const second = await dashboardPage();
    for (const p of [first, second]) {
      await open(p, `stories/${todays.id}`);
      await expect.poll(() => p.locator('#title').inputValue()).toBe(title);
    }
    await first.locator('#impact').fill('Calls to the night desk fell from 40 a week to 3.');
    await first.getByRole('button', { name: 'Save story' }).click();
    await first.getByText('Saved.', { exact: false }).waitFor();

    const quote = 'We stopped dreading the 3 a.m. log-in.';
    await second.locator('#quote').fill(quote);
    await second.getByRole('button', { name: 'Save story' }).click();
    const alert = second.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(new RegExp(`This story was changed by ${LABEL.replace(/[()]/g, '\\$&')} at .+ since you opened it; reload to see their changes\\. Nothing was saved\\.`));
    expect(await second.locator('#quote').inputValue()).toBe(quote);
    expect((await api<StoryRecord>(`/stories/${todays.id}`)).quote).not.toBe(quote);

    await alert.getByRole('button', { name: 'Load their version' }).click();
    await expect.poll(() => second.locator('.conflict').textContent()).toMatch(/Their version differs in: .*impact/);
    expect(await second.locator('#quote').inputValue()).toBe(quote);
    await second.getByRole('button', { name: 'Take their version' }).click();
    expect(await second.locator('#impact').inputValue()).toBe('Calls to the night desk fell from 40 a week to 3.');
    await second.locator('#quote').fill(quote);
    await second.getByRole('button', { name: 'Save story' }).click();
    await second.getByText('Saved.', { exact: false }).waitFor();
    const story = await api<StoryRecord>(`/stories/${todays.id}`);
    expect(story.quote).toBe(quote);
    expect(story.impact).toBe('Calls to the night desk fell from 40 a week to 3.');
    await first.close();
    await second.close();
  });

  it('picks a story for tomorrow on the month calendar, then gives the day back to the rotation; past days are read-only', async () => {
    const tomorrow = addDays(today, 1);
    const other = (await api<StoryList>('/stories?status=active')).stories.find((s) => s.id !== todays.id)!;
    await open(page, 'schedule');
    await page.locator(`td[data-day="${today}"]`).waitFor();
    expect(await page.locator(`td[data-day="${today}"] .day-story`).textContent()).toBe(title);
    const yesterday = page.locator(`td[data-day="${addDays(today, -1)}"]`);
    if (await yesterday.count()) expect(await yesterday.getByRole('button').count()).toBe(0);
    if (!(await page.locator(`td[data-day="${tomorrow}"]`).count())) await page.getByRole('button', { name: 'Next month' }).click();

    const cell = page.locator(`td[data-day="${tomorrow}"]`);
    await cell.getByRole('button', { name: `Change ${dayName(tomorrow)}` }).click();
    await page.getByLabel('Story for this day').selectOption(other.id);
    await page.getByRole('button', { name: 'Pick this story' }).click();
    await expect.poll(() => cell.locator('.day-story').textContent()).toBe(other.title);
    expect(await cell.locator('.badge').textContent()).toBe('Picked');
    await screenshot(page, 'content-schedule');
    let day = (await api<Schedule>(`/schedule?from=${tomorrow}&to=${tomorrow}`)).days[0]!;
    expect(day).toMatchObject({ scheduled: true, story: { id: other.id } });

    await cell.getByRole('button', { name: `Change ${dayName(tomorrow)}` }).click();
    await page.getByLabel('Story for this day').selectOption('');
    await page.getByRole('button', { name: 'Give the day back to the rotation' }).click();
    await expect.poll(() => cell.locator('.badge').textContent()).toBe('Rotation');
    day = (await api<Schedule>(`/schedule?from=${tomorrow}&to=${tomorrow}`)).days[0]!;
    expect(day.scheduled).toBe(false);
  });

  it('edits a customer-chair question', async () => {
    const before = (await api<PromptList>('/prompts')).prompts[0]!;
    await open(page, 'prompts');
    const form = page.getByRole('form', { name: `Question: ${before.text}` });
    await form.getByLabel('Question').fill('Which customer would notice this first — and how?');
    await form.getByLabel('Where').selectOption('meeting');
    await form.getByRole('button', { name: 'Save' }).click();
    // The form is named after the question it now holds.
    await page.getByRole('form', { name: 'Question: Which customer would notice this first — and how?' }).getByText('Saved.').waitFor();
    const after = (await api<PromptList>('/prompts')).prompts.find((p) => p.id === before.id)!;
    expect(after).toMatchObject({ text: 'Which customer would notice this first — and how?', where: 'meeting', revision: before.revision + 1 });
  });

  it('reorders a role’s actions with the keyboard', async () => {
    const role = (await api<RoleList>('/roles')).roles[0]!;
    await open(page, 'roles');
    await page.getByRole('button', { name: `Edit “${role.name}”` }).click();
    const form = page.getByRole('form', { name: `Role: ${role.name}` });
    // Opening a role takes the keyboard into its form.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`role-${role.id}-name`);
    await form.getByRole('button', { name: 'Move action 1 down' }).focus();
    await page.keyboard.press('Enter');
    // Focus follows the action, so pressing again moves it further.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move action 2 down');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move action 3 down');
    const shown = await form.locator('.action-list input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    const [a, b, c, ...rest] = role.actions.map((x) => x.text);
    expect(shown).toEqual([b, c, a, ...rest]);
    await screenshot(page, 'content-roles');
    await form.getByRole('button', { name: 'Save role' }).click();
    await form.getByText('Saved.', { exact: false }).waitFor();
    const after = (await api<RoleList>('/roles')).roles.find((r) => r.id === role.id)!;
    expect(after.actions.map((x) => x.text)).toEqual([b, c, a, ...rest]);
    // Moving keeps each action's id (and its counts).
    expect(after.actions.map((x) => x.id)).toEqual([1, 2, 0, ...rest.map((_, i) => i + 3)].map((i) => role.actions[i]!.id));
  });

  it('keeps one role form open at a time, and adds a role from the list', async () => {
    const [first, second] = (await api<RoleList>('/roles')).roles;
    await open(page, 'roles');
    await page.getByRole('button', { name: `Edit “${second!.name}”` }).click();
    await page.getByRole('form', { name: `Role: ${second!.name}` }).waitFor();
    await page.getByRole('button', { name: `Edit “${first!.name}”` }).click();
    await page.getByRole('form', { name: `Role: ${first!.name}` }).waitFor();
    expect(await page.getByRole('form', { name: /^Role: / }).count()).toBe(1);
    // Closing gives the keyboard back to the line it came from.
    await page.getByRole('form', { name: `Role: ${first!.name}` }).getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Edit “${first!.name}”`);
    expect(await page.getByRole('form', { name: /^Role: / }).count()).toBe(0);

    await page.getByRole('button', { name: 'Add a role', exact: true }).click();
    const form = page.getByRole('form', { name: 'New role' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('role-new-name');
    const actions = ['Visit one customer site a quarter', 'Log every repeat repair as a defect', 'Ask what the customer tried first', 'Leave the site cleaner than you found it'];
    await form.getByLabel('Role name').fill('Field service');
    await form.getByRole('button', { name: 'Add an action' }).click();
    for (const [i, text] of actions.entries()) await form.getByLabel(`Action ${i + 1}`, { exact: true }).fill(text);
    await form.getByRole('button', { name: 'Add role', exact: true }).click();
    await page.getByText('Role “Field service” added.').waitFor();
    expect(await form.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Edit “Field service”');
    expect(await page.getByRole('row', { name: /Field service/ }).getByRole('cell').first().textContent()).toBe(String(actions.length));
    await screenshot(page, 'content-roles-list');
    const made = (await api<RoleList>('/roles')).roles.find((r) => r.name === 'Field service')!;
    expect(made.actions.map((a) => a.text)).toEqual(actions);
  });

  it('previews an import with an error per row and column, refuses to apply it, then applies the fixed file', async () => {
    const header = 'title,customer,quote,body,impact,source,tags,publishOn';
    const good = '"Invoices in the customer’s language",Brightwater Logistics,"Finally, invoices our accountants can read.",Body one.,,Account team,billing;language,';
    await open(page, 'import');
    await page.locator('#import-file').setInputFiles({ name: 'stories.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${good}\n,Harbor Dental,,Body two.,,,,2026-02-30\n`) });
    await expect.poll(() => page.locator('#import-text').inputValue()).toContain('Harbor Dental');
    await page.getByRole('button', { name: 'Preview (changes nothing)' }).click();
    const errors = page.locator('.import-errors li');
    await errors.first().waitFor();
    const texts = await errors.allTextContents();
    expect(texts.some((t) => /^row 3, column title: /.test(t))).toBe(true);
    expect(texts.some((t) => /^row 3, column publishOn: /.test(t))).toBe(true);
    expect(await page.locator('.import-rows tbody tr').first().textContent()).toContain('Create');
    expect(await page.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
    await screenshot(page, 'content-import-preview');

    await page.locator('#import-text').fill(`${header}\n${good}\nThe two-minute refund,Harbor Dental,,Body two.,,,,2026-03-01\n`);
    await page.getByRole('button', { name: 'Preview (changes nothing)' }).click();
    await expect.poll(() => page.locator('.import-rows tbody tr').count()).toBe(2);
    expect(await page.locator('.import-errors').count()).toBe(0);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText(/^Imported: 2 created, 0 updated, 0 unchanged/).waitFor();
    const titles = (await api<StoryList>('/stories?q=Harbor')).stories.map((s) => s.title);
    expect(titles).toEqual(['The two-minute refund']);
  });

  it('archives a story from the list (it leaves the active list) and restores it', async () => {
    await open(page, 'stories');
    // The list names the teams a story credits, small under its customer.
    const edited = page.locator('table.story-list tbody tr', { hasText: title });
    await expect.poll(() => edited.locator('.story-credits').textContent()).toMatch(/^Credited: \S/);
    await screenshot(page, 'content-stories');
    await page.getByLabel('Search').fill('two-minute');
    await page.getByRole('button', { name: 'Archive “The two-minute refund”' }).click();
    await page.getByText('“The two-minute refund” is archived.').waitFor();
    await expect.poll(() => page.locator('table.story-list').count()).toBe(0);
    expect(await page.locator('.empty-list').textContent()).toBe('No active story matches “two-minute”.');
    await page.getByRole('button', { name: 'Archived', exact: true }).click();
    await page.getByRole('button', { name: 'Restore “The two-minute refund”' }).click();
    await page.getByText('“The two-minute refund” is restored.').waitFor();
    expect((await api<StoryList>('/stories?q=two-minute&status=active')).stories).toHaveLength(1);
  });

  it('exports all content as JSON', async () => {
    await open(page, 'import');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the export (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^customer-chair-content-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { stories: { title: string }[]; prompts: unknown[] };
    expect(file.stories.map((s) => s.title)).toEqual(expect.arrayContaining([title, 'The two-minute refund']));
    expect(file.prompts.length).toBeGreaterThan(0);
  });

  it('shows the audit log newest first, with the CX lead’s label', async () => {
    const newest = (await api<AuditPage>('/audit?limit=1')).entries[0]!;
    await open(page, 'audit');
    const rows = page.locator('table.audit tbody tr');
    await rows.first().waitFor();
    expect(await rows.first().locator('th').textContent()).toBe(LABEL);
    expect(await rows.first().textContent()).toContain(newest.summary);
    const all = await rows.allTextContents();
    expect(all.some((r) => r.includes(LABEL) && r.includes('story updated') && r.includes(todays.id))).toBe(true);
    expect(all.some((r) => r.includes('prompt updated'))).toBe(true);
    expect(all.some((r) => r.includes('schedule scheduled'))).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('settings', () => {
  it('shows the API’s error beside a bad headcount, saves a good one, and sets the company time zone', async () => {
    const sales = (await api<DepartmentList>('/departments')).departments.find((d) => d.id === 'sales')!;
    await open(page, 'settings');
    const form = page.getByRole('form', { name: `Department: ${sales.name}` });
    const headcount = page.getByLabel(`Headcount of ${sales.name}`, { exact: true });
    await headcount.fill('0');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Nothing was saved: headcount: /);
    expect(await page.locator('#department-sales-headcount-error').textContent()).toMatch(/\S/);
    await screenshot(page, 'content-settings');
    await headcount.fill('95');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Saved.').waitFor();
    expect((await api<DepartmentList>('/departments')).departments.find((d) => d.id === 'sales')!.headcount).toBe(95);

    await page.getByLabel('Time zone', { exact: true }).selectOption('Europe/Paris');
    await page.getByRole('button', { name: 'Save time zone' }).click();
    await page.getByText('The company’s time zone is Europe/Paris', { exact: false }).waitFor();
    expect(await api<Settings>('/settings')).toMatchObject({ timezone: 'Europe/Paris', timezoneSource: 'dashboard' });
    expect(problems).toEqual([]);
  });

  it('adds a department in the table’s last row, and deletes it only once confirmed', async () => {
    await open(page, 'settings');
    await page.getByLabel('Name of the new department', { exact: true }).fill('Field Service');
    await page.getByLabel('Headcount of the new department', { exact: true }).fill('18');
    await page.getByRole('button', { name: 'Add department' }).click();
    await page.getByText('Department “Field Service” added.').waitFor();
    expect(await page.getByLabel('Headcount of Field Service', { exact: true }).inputValue()).toBe('18');
    expect(await page.getByLabel('Name of the new department', { exact: true }).inputValue()).toBe('');
    const made = (await api<DepartmentList>('/departments')).departments.find((d) => d.name === 'Field Service')!;
    expect(made.headcount).toBe(18);

    const asked: string[] = [];
    page.once('dialog', (d) => (asked.push(d.message()), void d.dismiss()));
    await page.getByRole('button', { name: 'Delete Field Service', exact: true }).click();
    await expect.poll(() => asked).toEqual(['Delete the department “Field Service”?']);
    expect((await api<DepartmentList>('/departments')).departments.some((d) => d.id === made.id)).toBe(true);

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Delete Field Service', exact: true }).click();
    await page.getByText('Department “Field Service” deleted.').waitFor();
    expect(await page.getByLabel('Name of Field Service', { exact: true }).count()).toBe(0);
    expect((await api<DepartmentList>('/departments')).departments.some((d) => d.id === made.id)).toBe(false);
    // The row had the focus; it goes to the table's title rather than nowhere.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('departments-title');
    expect(problems).toEqual([]);
  });
});
