import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UsageEvent } from '../../shared/src/schemas/usage-event';
import { buildDashboard } from '../support/build-dashboard';
import { CHROMIUM_PATH } from '../support/launch-extension';
import { installIds, makeEvent } from '../support/make-event';
import { startServer, type RunningServer } from '../support/start-server';

const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'cc-dashboard-'));
let server: RunningServer;
let browser: Browser;
let page: Page;
const cspViolations: string[] = [];

/** Per department: installs, and what each install did. */
const SEED = { sales: 6, engineering: 5, legal: 2 } as const;

function seedEvents(): UsageEvent[] {
  const at = new Date(Date.now() - 3600_000).toISOString();
  const events: UsageEvent[] = [];
  for (const [department, installs] of Object.entries(SEED)) {
    for (const installId of installIds(installs)) {
      events.push(makeEvent({ installId, department, role: department, at, actionId: `${department}-act` }));
      events.push(makeEvent({ installId, department, role: department, at, type: 'story_viewed', storyId: 'night-shift-login' }));
      if (department === 'engineering') events.push(makeEvent({ installId, department, role: department, at, type: 'prompt_inserted', surface: 'meet', promptId: 'want-this' }));
    }
  }
  return events;
}

async function signIn(token: string) {
  await page.getByLabel('Admin token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const cellsOf = async (rowName: string) =>
  page.locator('table.figures tbody tr', { has: page.locator('th', { hasText: rowName }) }).first().locator('td').allTextContents();

beforeAll(async () => {
  buildDashboard();
  server = await startServer({ databasePath: join(folder, 'cc.db') });
  const response = await fetch(`${server.url}/api/v1/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ events: seedEvents() }),
  });
  expect(await response.json()).toMatchObject({ duplicates: 0 });
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
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
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/not valid/);
  });

  it('shows, after sign-in, the numbers that were sent, with the small department folded into Other', async () => {
    await signIn(server.adminToken);
    await page.locator('table.figures').waitFor();
    // Columns: installs, adoption, stories seen, questions shown, questions inserted, stories inserted, shared, actions.
    expect(await cellsOf('Whole company')).toEqual(['13', '2%', '13', '0', '5', '0', '0', '13']);
    expect(await cellsOf('Sales')).toEqual(['6', '8%', '6', '0', '0', '0', '0', '6']);
    expect(await cellsOf('Engineering')).toEqual(['5', '4%', '5', '0', '5', '0', '0', '5']);
    expect(await cellsOf('Other (small groups)')).toEqual(['2', '—', '2', '0', '0', '0', '0', '2']);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/Legal/);
    expect(await page.getByTestId('privacy-note').textContent()).toMatch(/fewer than 5 active installs/);
    expect(await page.locator('.chart canvas').count()).toBeGreaterThanOrEqual(2);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.reload();
      await page.locator('.chart canvas').first().waitFor();
      await page.screenshot({ path: `${ARTIFACTS}dashboard-overview-${scheme}.png`, fullPage: true });
    }
  });

  it('sorts by a column when its header is clicked', async () => {
    await page.getByRole('button', { name: 'Department' }).click();
    const names = await page.locator('table.figures tbody tr:not(.total):not(.other) th').allTextContents();
    expect(names).toEqual(['Engineering', 'Sales']);
    expect(await page.locator('th[aria-sort="ascending"]').count()).toBe(1);
  });

  it('exports the figures on screen as CSV', async () => {
    const csv = await page.evaluate(async () => {
      const link = document.querySelector<HTMLAnchorElement>('a[href*="stats.csv"][href*="view=departments"]')!;
      return (await fetch(link.href)).text();
    });
    const rows = csv.trimEnd().split('\r\n').map((line) => line.split(','));
    expect(rows).toContainEqual(['All departments', '13', '13', '0', '5', '0', '0', '13', '']);
    expect(rows).toContainEqual(['sales', '6', '6', '0', '0', '0', '0', '6', 'sales=6']);
    expect(rows).toContainEqual(['engineering', '5', '5', '0', '5', '0', '0', '5', 'engineering=5']);
    expect(rows).toContainEqual(['Other (small groups)', '2', '2', '0', '0', '0', '0', '2', 'other=2']);
    expect(csv).not.toMatch(/legal/);
  });

  it('opens a department in depth', async () => {
    await page.getByRole('button', { name: 'Engineering' }).click();
    await page.getByText('Where the customer showed up').waitFor();
    await page.getByText('Google Meet').waitFor();
    expect(await page.locator('.panel').first().textContent()).toMatch(/Engineering5/);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${ARTIFACTS}dashboard-department-${scheme}.png`, fullPage: true });
    }
    await page.getByRole('button', { name: '← All departments' }).click();
    await page.locator('table.figures').waitFor();
  });

  it('tells a new CX lead what to do when a period has no activity', async () => {
    await page.getByLabel('From', { exact: true }).fill('2026-01-01');
    await page.getByLabel('To', { exact: true }).fill('2026-01-31');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByText('No activity in this period yet').waitFor();
    expect(await page.locator('.empty').textContent()).toMatch(/Deploying to a company/);
    await page.screenshot({ path: `${ARTIFACTS}dashboard-empty.png`, fullPage: true });
    await page.getByRole('button', { name: 'Last 30 days' }).click();
    await page.locator('table.figures').waitFor();
  });

  it('signs out: back to the sign-in screen, and the API refuses the old cookie', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Admin token').waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/v1/dashboard/overview')).status);
    expect(status).toBe(401);
  });

  it('ran without a single Content-Security-Policy violation', () => {
    expect(cspViolations).toEqual([]);
  });
});
