import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/src/auth/tokens';
import { insertAdminToken } from '../../server/src/storage/queries/insert-admin-token';
import { openDatabase } from '../../server/src/storage/sqlite/open-database';
import { sqliteStorage } from '../../server/src/storage/sqlite/sqlite-storage';
import type { UsageEvent } from '../../shared/src/schemas/usage-event';
import { buildDashboard } from '../support/build-dashboard';
import { assertChromium } from '../support/launch-extension';
import { installIds, makeEvent } from '../support/make-event';
import { seedEvents } from '../support/seed-events';
import { startServer, type RunningServer } from '../support/start-server';

const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'cc-dashboard-roles-'));
const databasePath = join(folder, 'cc.db');
const VIEWER = 'vi-viewer-token-0123456789abcdefghij';
const JUDGE = 'jo-judge-token-0123456789abcdefghijk';
let server: RunningServer;
let browser: Browser;
let page: Page;
/** API answers a role's pages asked for and were refused: the navigation must not offer what the role cannot use. */
const refused: string[] = [];
const pageErrors: string[] = [];

const DAY = 86_400_000;
/** Wednesday of last week: a whole, finished week, so its figures show. */
const LAST_WEEK = (() => {
  const now = Date.now();
  const monday = now - ((new Date(now).getUTCDay() + 6) % 7) * DAY - (now % DAY);
  return new Date(monday - 5 * DAY + 10 * 3_600_000).toISOString();
})();

function history(): UsageEvent[] {
  const events: UsageEvent[] = [];
  for (const [department, count] of [['sales', 7], ['engineering', 6]] as const) {
    for (const installId of installIds(count)) {
      events.push(makeEvent({ installId, department, role: department, at: LAST_WEEK, surface: 'newtab', type: 'story_viewed', storyId: 'night-shift-login' }));
      events.push(makeEvent({ installId, department, role: department, at: LAST_WEEK, surface: 'newtab', type: 'action_taken', actionId: 'sales-ask-why' }));
    }
  }
  return events;
}

async function signInAs(token: string) {
  await page.context().clearCookies();
  await page.goto(server.url);
  await page.getByLabel('Admin token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Signed in as').waitFor();
}

const navLinks = () => page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link').allTextContents();

async function screenshot(name: string) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path: `${ARTIFACTS}dashboard-role-${name}.png`, fullPage: true });
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  buildDashboard();
  server = await startServer({ databasePath });
  // Made as the tokens command makes them, on the running server's database.
  const storage = sqliteStorage(openDatabase(databasePath));
  try {
    await insertAdminToken(storage, 'Vi (viewer)', hashToken(VIEWER), new Date(), { role: 'viewer' });
    await insertAdminToken(storage, 'Jo (judge)', hashToken(JUDGE), new Date(), { role: 'judge', department: 'sales' });
  } finally {
    await storage.close();
  }
  expect(seedEvents(databasePath, history())).toBeGreaterThan(0);
  browser = await chromium.launch({
    executablePath: assertChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('response', (response) => {
    if (response.status() === 403) refused.push(`${response.request().method()} ${new URL(response.url()).pathname}`);
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('the dashboard shows each role only what it may use', () => {
  it('a viewer sees Adoption alone, with its figures and export; a link to an admin page opens Adoption', async () => {
    await signInAs(VIEWER);
    await page.locator('table.figures').waitFor();
    expect(await navLinks()).toEqual(['Adoption']);
    expect(await page.locator('.role-badge').textContent()).toBe('viewer');
    expect(await page.locator('table.figures tbody th').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/Sales/), expect.stringMatching(/Engineering/)]));
    await screenshot('viewer');
    // The CSV export is a viewer's too.
    const csv = await page.evaluate(async () => (await fetch(document.querySelector<HTMLAnchorElement>('a[href*="stats.csv"]')!.href)).status);
    expect(csv).toBe(200);

    await page.goto(`${server.url}/#/stories`);
    await page.locator('table.figures').waitFor();
    expect(await page.getByRole('navigation', { name: 'Dashboard' }).locator('[aria-current="page"]').textContent()).toBe('Adoption');
    expect(await page.locator('table.story-list').count()).toBe(0);
    expect(refused).toEqual([]);
  });

  it('a judge sees Judging alone, told that their own department’s entries are kept from them; no usage figures', async () => {
    await signInAs(JUDGE);
    const judging = page.locator('[aria-labelledby="judging-title"]');
    await judging.waitFor();
    expect(await navLinks()).toEqual(['Judging']);
    expect(await page.locator('.role-badge').textContent()).toBe('judge');
    expect(await judging.textContent()).toMatch(/your own department \(sales\) are not shown to you/);
    expect(await page.locator('table.figures').count()).toBe(0);
    await screenshot('judge');
    for (const hash of ['#/adoption', '#/audit', '#/stories/new', '#/voice']) {
      await page.goto(`${server.url}/${hash}`);
      await judging.waitFor();
      // The Judging page's own scorecard form aside (the demo round's entries), no other page's table or form.
      expect(await page.locator('table.figures, table.story-list, main:not(.judging) form').count(), hash).toBe(0);
    }
    expect(refused).toEqual([]);
  });

  it('an admin sees every page, Judging included', async () => {
    await signInAs(server.adminToken);
    await page.locator('table.figures').waitFor();
    expect(await navLinks()).toEqual(['Adoption', 'Judging', 'Rounds', 'Stories', 'Voice', 'Schedule', 'Prompts', 'Roles & actions', 'Settings', 'Import/Export', 'People', 'Audit log']);
    expect(await page.locator('.role-badge').textContent()).toBe('admin');
    expect(refused).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
