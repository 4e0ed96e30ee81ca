import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/storage/sqlite/open-database';
import { storeEventsNow } from '../../server/src/storage/sqlite/store-events';
import { addDays, localDay, weekStart } from '../../shared/src/domain/local-day';
import { buildDashboard } from '../support/build-dashboard';
import { assertChromium } from '../support/launch-extension';
import { installIds, makeEvent } from '../support/make-event';
import { startServer, type RunningServer } from '../support/start-server';

const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'cc-new-installs-'));
const WAVE = 60;
/** New installs in each of the 12 complete weeks before this one, oldest first (3: withheld, below 5). */
const HISTORY = [0, 0, 6, 8, 3, 7, 9, 6, 8, 5, 7, 6];
let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  buildDashboard();
  // Twelve weeks of a steady trickle, stored before the server starts as ingest stored them then (it records "today").
  const path = join(folder, 'cc.db');
  const db = openDatabase(path);
  const thisWeek = weekStart(localDay(new Date(), 'UTC'));
  HISTORY.forEach((count, i) => {
    const at = `${addDays(thisWeek, -7 * (12 - i))}T10:00:00.000Z`;
    if (count) storeEventsNow(db, installIds(count).map((installId) => makeEvent({ installId, at })), 'UTC', new Date(at));
  });
  db.close();
  server = await startServer({ databasePath: path, env: { NEW_INSTALLS_PER_ADDRESS_PER_DAY: String(WAVE) } });
  browser = await chromium.launch({ executablePath: assertChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

const post = (events: unknown[]) =>
  fetch(`${server.url}/api/v1/events`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ events }) });

describe('a wave of new installs', () => {
  it('is refused past the address’s new installs for the day, while known installs go on', async () => {
    const wave = installIds(WAVE);
    for (let i = 0; i < WAVE; i += 10) {
      const response = await post(wave.slice(i, i + 10).map((installId, j) => makeEvent({ installId, department: j % 2 ? 'sales' : 'engineering', role: j % 2 ? 'sales' : 'engineering', at: new Date().toISOString(), actionId: j % 2 ? 'sales-ask-why' : 'engineering-read-tickets' })));
      expect(response.status).toBe(200);
    }
    const refused = await post([makeEvent({ at: new Date().toISOString() })]);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(23 * 3600);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/new installs from this network address/);
    expect((await post([makeEvent({ installId: wave[0], at: new Date().toISOString() })])).status).toBe(200);
  });

  it('shows on the overview, with a warning, and withholds the small weekly count', async () => {
    await page.goto(server.url);
    await page.getByLabel('Admin token').fill(server.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const note = page.getByTestId('new-installs');
    await note.waitFor();
    const text = (await note.textContent()) ?? '';
    expect(text).toMatch(new RegExp(`Unusual wave of new installs\\. New installs: ${WAVE} in the last 7 days; weekly from \\d+ \\w+: <5 · <5 · 6 · 8 · <5 · 7 · 9 · 6 · 8 · 5 · 7 · 6, and ${WAVE} so far this week\\.`));
    expect(text).toMatch(/more than 3 times a usual week.*invented installs/);
    expect(text).toContain('(“<5”: fewer than 5, not shown exactly.)');
    expect(await note.getAttribute('class')).toBe('new-installs wave');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await page.screenshot({ path: `${ARTIFACTS}dashboard-new-installs-wave-${scheme}.png` });
    }
    expect(pageErrors).toEqual([]);
  });
});
