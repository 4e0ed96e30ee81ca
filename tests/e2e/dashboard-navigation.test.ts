import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UsageEvent } from '../../shared/src/schemas/usage-event';
import { buildDashboard } from '../support/build-dashboard';
import { assertChromium } from '../support/launch-extension';
import { installIds, makeEvent } from '../support/make-event';
import { seedEvents } from '../support/seed-events';
import { startServer, type RunningServer } from '../support/start-server';

/**
 * How the dashboard gets around: the address holds the page, the item, and on
 * Adoption the period and the department opened, so reload and Back keep the
 * view; a page's code is fetched when the page is first opened; a session that
 * ends while a page is open brings the sign-in page, once, whatever the page.
 */
const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'cc-dashboard-navigation-'));
const databasePath = join(folder, 'cc.db');
let server: RunningServer;
let browser: Browser;
const pageErrors: string[] = [];
const cspViolations: string[] = [];

const DAY = 86_400_000;
const now = Date.now();
const THIS_MONDAY = now - ((new Date(now).getUTCDay() + 6) % 7) * DAY - (now % DAY);
/** Wednesday of the week `weeksAgo` whole weeks before this one. */
const wednesday = (weeksAgo: number) => new Date(THIS_MONDAY - 7 * weeksAgo * DAY + 2 * DAY + 10 * 3_600_000).toISOString();

/** Sales and engineering, six installs each, active in the last two whole weeks: both named on Adoption. */
function history(): UsageEvent[] {
  const events: UsageEvent[] = [];
  for (const department of ['sales', 'engineering']) {
    for (const installId of installIds(6)) {
      for (const at of [wednesday(1), wednesday(2)]) {
        events.push(makeEvent({ installId, department, role: department, at, surface: 'newtab', type: 'story_viewed', storyId: 'night-shift-login' }));
        events.push(makeEvent({ installId, department, role: department, at, surface: 'newtab', type: 'action_taken', actionId: `${department === 'sales' ? 'sales-ask-why' : 'engineering-read-tickets'}` }));
      }
    }
  }
  return events;
}

async function newPage(context?: BrowserContext): Promise<Page> {
  const page = await (context ?? (await browser.newContext({ viewport: { width: 1280, height: 900 } }))).newPage();
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

async function signIn(page: Page) {
  await page.getByLabel('Admin token').fill(server.adminToken);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Dashboard' });
const hash = (page: Page) => new URL(page.url()).hash;
const pressed = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).getAttribute('aria-pressed');

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  buildDashboard();
  server = await startServer({ databasePath });
  expect(seedEvents(databasePath, history())).toBeGreaterThan(0);
  browser = await chromium.launch({
    executablePath: assertChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('the dashboard’s address, in Chromium', () => {
  it('keeps the period and the department open across a reload; Back leaves the department for the overview', async () => {
    const page = await newPage();
    await page.goto(server.url);
    await signIn(page);
    await page.getByRole('table', { name: /^Adoption by department/ }).waitFor();
    // An address without a period is the last four weeks, as before.
    expect(await pressed(page, 'Last 4 weeks')).toBe('true');

    await page.getByRole('button', { name: 'Last 13 weeks' }).click();
    await expect.poll(() => hash(page)).toBe('#/adoption?period=13w');
    await expect.poll(() => page.locator('h1 .period').textContent()).toMatch(/13 whole weeks/);

    await page.getByRole('button', { name: 'Sales', exact: true }).click();
    await page.getByRole('heading', { name: 'Where the customer showed up' }).waitFor();
    expect(hash(page)).toBe('#/adoption/departments/sales?period=13w');

    // Reload: the same department, over the same 13 weeks.
    await page.reload();
    await page.getByRole('heading', { name: 'Where the customer showed up' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Sales /);
    const weeks13 = await page.locator('h1 .period').textContent();
    await page.screenshot({ path: `${ARTIFACTS}dashboard-navigation-department-reloaded.png`, fullPage: true });

    // Back: the overview, still over 13 weeks.
    await page.goBack();
    await page.getByRole('table', { name: /^Adoption by department/ }).waitFor();
    expect(hash(page)).toBe('#/adoption?period=13w');
    await expect.poll(() => pressed(page, 'Last 13 weeks')).toBe('true');
    expect(await page.getByRole('heading', { name: 'Where the customer showed up' }).count()).toBe(0);

    // Reload the overview: the period stays too.
    await page.reload();
    await page.getByRole('table', { name: /^Adoption by department/ }).waitFor();
    await expect.poll(() => pressed(page, 'Last 13 weeks')).toBe('true');
    await expect.poll(() => page.locator('h1 .period').textContent()).toMatch(/13 whole weeks/);
    // The chart's text alternative: the same figures as a table, a row per week of the 13.
    await page.getByText('Weekly active installs: the figures as a table').click();
    const figures = page.getByRole('table', { name: 'Weekly active installs, by week' });
    expect(await figures.getByRole('columnheader').allTextContents()).toEqual(['Week of', 'Engineering', 'Sales']);
    expect(await figures.locator('tbody tr').count()).toBe(13);
    expect(await figures.locator('tbody tr').last().locator('td').allTextContents()).toEqual(['6', '6']);
    await page.screenshot({ path: `${ARTIFACTS}dashboard-navigation-overview-reloaded.png`, fullPage: true });

    // "← All departments" is a step forward in the history, to the overview of the same period; Forward and Back work as usual.
    await page.getByRole('button', { name: 'Engineering', exact: true }).click();
    await page.getByRole('heading', { name: 'Where the customer showed up' }).waitFor();
    expect(await page.locator('h1 .period').textContent()).toBe(weeks13);
    await page.getByRole('button', { name: '← All departments' }).click();
    await page.getByRole('table', { name: /^Adoption by department/ }).waitFor();
    expect(hash(page)).toBe('#/adoption?period=13w');

    // A custom period is kept as its days.
    await page.getByLabel('From', { exact: true }).fill(new Date(THIS_MONDAY - 14 * DAY).toISOString().slice(0, 10));
    await page.getByLabel('To', { exact: true }).fill(new Date(THIS_MONDAY - 8 * DAY).toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Show period' }).click();
    await expect.poll(() => hash(page)).toMatch(/^#\/adoption\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    await page.reload();
    await page.getByRole('table', { name: /^Adoption by department/ }).waitFor();
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe(new Date(THIS_MONDAY - 14 * DAY).toISOString().slice(0, 10));
    expect(await page.locator('.presets [aria-pressed="true"]').count()).toBe(0);

    // Old addresses still open their pages.
    for (const [address, heading] of [
      ['#/stories/new', 'New story'],
      ['#/voice/status=new&kind=idea', 'Voice'],
      ['#/people', 'People'],
      ['#/audit', 'Audit log'],
      ['#/adoption', 'Adoption by department'],
    ] as const) {
      await page.goto(`${server.url}/${address}`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), { message: address }).toMatch(new RegExp(`^${heading}`));
    }
    await page.context().close();
  });

  it('fetches a page’s code only when the page is first opened', async () => {
    const page = await newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/assets/') && path.endsWith('.js')) scripts.push(path.slice('/assets/'.length));
    });
    const fetched = (page: string) => scripts.filter((name) => name.startsWith(`${page}-`)).length;

    await page.goto(server.url);
    await signIn(page);
    await page.getByRole('table', { name: /^Adoption by department/ }).waitFor();
    expect(fetched('overview')).toBe(1);
    for (const other of ['stories', 'story-editor', 'audit-log', 'people', 'roles', 'settings', 'schedule', 'judging', 'rounds', 'voice-inbox', 'import-export', 'prompts']) {
      expect(fetched(other), other).toBe(0);
    }

    await nav(page).getByRole('link', { name: 'Stories' }).click();
    await page.getByRole('heading', { name: 'Stories', level: 1 }).waitFor();
    expect(fetched('stories')).toBe(1);
    expect(fetched('audit-log')).toBe(0);

    // Served fingerprinted and cached for good, under the same CSP as the rest (no violation reported).
    const chunk = scripts.find((name) => name.startsWith('stories-'))!;
    const response = await page.request.get(`${server.url}/assets/${chunk}`);
    expect(response.headers()['cache-control']).toMatch(/immutable/);
    expect(response.headers()['content-type']).toMatch(/^text\/javascript/);

    await nav(page).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    await nav(page).getByRole('link', { name: 'Stories' }).click();
    await page.getByRole('heading', { name: 'Stories', level: 1 }).waitFor();
    // Opened again: already here, not fetched again.
    expect(fetched('stories')).toBe(1);
    expect(fetched('audit-log')).toBe(1);
    await page.context().close();
  });

  it('a session that ended brings the sign-in page, saying so once, from any page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await newPage(context);
    await page.goto(server.url);
    const pages = ['Adoption', 'Judging', 'Rounds', 'Stories', 'Voice', 'Schedule', 'Prompts', 'Roles & actions', 'Settings', 'Import/Export', 'People', 'Audit log'];
    for (const name of pages) {
      await signIn(page);
      // Start elsewhere, loaded, so that opening the page is what meets the ended session.
      await nav(page).getByRole('link', { name: name === 'Stories' ? 'Audit log' : 'Stories', exact: true }).click();
      await page.locator('table.story-list, table.audit, .empty-list').first().waitFor();
      await context.clearCookies();
      await nav(page).getByRole('link', { name, exact: true }).click();
      if (name === 'Import/Export') {
        // The page asks nothing until something is imported: a preview meets the ended session.
        await page.getByLabel('…or paste it here').fill('title,customer\nA,B');
        await page.getByRole('button', { name: 'Preview (changes nothing)' }).click();
      }
      await page.getByLabel('Admin token').waitFor();
      await expect.poll(() => page.getByRole('status').allTextContents(), { message: name }).toEqual(['Your session ended; sign in again.']);
      if (name === 'Adoption') await page.screenshot({ path: `${ARTIFACTS}dashboard-navigation-session-ended.png`, fullPage: true });
    }

    // From a department in depth, opening another one.
    await signIn(page);
    await nav(page).getByRole('link', { name: 'Adoption' }).click();
    await page.getByRole('button', { name: 'Sales', exact: true }).click();
    await page.getByRole('heading', { name: 'Where the customer showed up' }).waitFor();
    await context.clearCookies();
    await page.evaluate(() => {
      location.hash = '#/adoption/departments/engineering';
    });
    await page.getByLabel('Admin token').waitFor();
    expect(await page.getByRole('status').allTextContents()).toEqual(['Your session ended; sign in again.']);

    // Signing in again opens where the address points.
    await signIn(page);
    await page.getByRole('heading', { name: 'Where the customer showed up' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Engineering /);
    await context.close();
  });

  it('no page threw, and the CSP refused nothing', () => {
    expect(pageErrors.join('\n')).toBe('');
    // Zod (the voice schemas, on the Voice page alone) probes once whether it may compile with eval; the CSP says no and
    // zod carries on without. Anything else refused would be a file or a script of ours.
    expect(cspViolations.filter((v) => v !== 'Content Security Policy violation: script-src eval')).toEqual([]);
  });
});
