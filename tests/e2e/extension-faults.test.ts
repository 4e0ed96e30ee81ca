import { SqliteDatabase as Database } from '../../server/src/storage/sqlite/sqlite-driver';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../support/build-extension';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { launchExtension, type ExtensionBrowser } from '../support/launch-extension';
import { logAction, openOptions, syncNow } from '../support/extension-options';
import { makeEvent } from '../support/make-event';
import { startServer, type RunningServer } from '../support/start-server';

/** A hung server costs a content request and an event POST, 20 s each, before the extension gives up. */
const SYNC_TIMEOUT_MS = 60_000;

/**
 * The real extension in Chromium, talking to the real server through a fault
 * proxy: 500s, 429 with Retry-After, lost acknowledgements (the server
 * committed, the answer never came), a server down across a browser restart,
 * a full queue. Every event the extension kept reaches the server exactly
 * once, and the options page says what was dropped and why.
 */
/** The extension's storage API, as code evaluated in its service worker sees it. */
declare const chrome: { storage: { local: { get(keys: string[]): Promise<unknown>; set(items: object): Promise<void> } } };

const folder = mkdtempSync(join(tmpdir(), 'cc-faults-'));
const databasePath = join(folder, 'cc.db');
let server: RunningServer;
let proxy: FaultProxy;
let browser: ExtensionBrowser;
const dropped: string[] = [];

type Stored = { queue?: { id: string }[]; queueStatus?: { dropped: number; failures: number; retryAt?: string; serverAskedToWait?: boolean; lastError?: string } };
/** The extension's queue and its status, as its storage holds them. */
async function extensionState(): Promise<Required<Pick<Stored, 'queue'>> & Stored> {
  const stored = (await browser.worker.evaluate(() => chrome.storage.local.get(['queue', 'queueStatus']))) as Stored;
  return { ...stored, queue: stored.queue ?? [] };
}

/** The ids the server stored, and whether the roll-ups counted each once. */
function serverEvents(): { ids: Set<string>; rolledUp: number } {
  const db = new Database(databasePath, { readonly: true });
  try {
    const ids = new Set(db.prepare('SELECT id FROM events').pluck().all() as string[]);
    const rolledUp = (db.prepare('SELECT COALESCE(SUM(count), 0) FROM daily_counts').pluck().get() as number) ?? 0;
    return { ids, rolledUp };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  buildExtension();
  server = await startServer({ databasePath, env: { MIN_GROUP_SIZE: '1', RATE_LIMIT_EVENTS_PER_MINUTE: '0' } });
  proxy = await startFaultProxy(server.url);
  browser = await launchExtension();
  const page = await openOptions(browser);
  await page.getByLabel('Server URL').fill(proxy.url);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved.').waitFor();
  await page.close();
  const tab = await browser.context.newPage();
  await tab.goto('chrome://newtab/');
  await tab.getByLabel('Your department').selectOption('sales');
  await tab.getByLabel('Your role').selectOption('sales');
  await tab.getByRole('button', { name: 'Show my customer day' }).click();
  // Saved once the day shows: closing the tab sooner could cut the save short.
  await tab.locator('#story-title').waitFor();
  await tab.close();
  expect(await syncNow(browser, SYNC_TIMEOUT_MS)).toMatch(/^Synced/);
});

afterAll(async () => {
  await browser?.dispose();
  await proxy?.close();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('the extension under server faults', () => {
  it('keeps events through 500s and says so', async () => {
    proxy.mode = 'error-500';
    await logAction(browser, 0);
    await logAction(browser, 1);
    expect(await syncNow(browser, SYNC_TIMEOUT_MS)).toMatch(/The server answered 500 Internal Server Error: Injected fault\./);
    const { queue } = await extensionState();
    expect(queue.length).toBeGreaterThanOrEqual(2);
    const onServer = serverEvents().ids;
    expect(queue.filter((e) => onServer.has(e.id))).toEqual([]);
    const page = await openOptions(browser);
    expect(Number(await page.getByTestId('events-waiting').textContent())).toBe(queue.length);
    await page.close();
  });

  it('waits as long as a 429 Retry-After asks', async () => {
    proxy.mode = 'rate-limited';
    proxy.retryAfterSeconds = 600;
    const before = Date.now();
    expect(await syncNow(browser, SYNC_TIMEOUT_MS)).toMatch(/Injected rate limit\. The server asked to wait 10 min\./);
    const { queueStatus } = await extensionState();
    const wait = Date.parse(queueStatus!.retryAt!) - before;
    expect(wait).toBeGreaterThan(595_000);
    expect(wait).toBeLessThan(660_000);
    expect(queueStatus!.serverAskedToWait).toBe(true);
    const page = await openOptions(browser);
    await page.getByText(/Injected rate limit\. The server asked to wait 10 min\. Next try/).waitFor();
    await page.close();
  });

  it('gives up on a server that never answers and sends again without counting twice', async () => {
    proxy.mode = 'hang-after-commit';
    const pending = (await extensionState()).queue.map((e) => e.id);
    expect(await syncNow(browser, SYNC_TIMEOUT_MS)).toMatch(/did not answer within 20 s/);
    // The server stored them, but the extension never heard so and still holds them.
    const stored = serverEvents();
    expect(pending.every((id) => stored.ids.has(id))).toBe(true);
    expect((await extensionState()).queue.map((e) => e.id)).toEqual(pending);

    proxy.mode = 'pass';
    expect(await syncNow(browser, SYNC_TIMEOUT_MS)).toMatch(/^Synced/);
    expect((await extensionState()).queue).toEqual([]);
    const after = serverEvents();
    expect(after.ids.size).toBe(stored.ids.size);
    expect(after.rolledUp).toBe(after.ids.size);
  });

  it('holds events while the server is down for long, across a browser restart, and sends them at start-up', async () => {
    await proxy.down();
    await logAction(browser, 2);
    expect(await syncNow(browser, SYNC_TIMEOUT_MS)).toMatch(/Cannot reach/);
    expect(await syncNow(browser, SYNC_TIMEOUT_MS)).toMatch(/Cannot reach/);
    const { queue, queueStatus } = await extensionState();
    expect(queue.length).toBeGreaterThanOrEqual(1);
    expect(queueStatus!.failures).toBeGreaterThanOrEqual(2);
    // Backing off: the next try is not before half a minute.
    expect(Date.parse(queueStatus!.retryAt!) - Date.now()).toBeGreaterThan(15_000);

    await browser.close();
    await proxy.up();
    proxy.mode = 'pass';
    browser = await launchExtension({ userDataDir: browser.userDataDir });
    // No click: the browser's start sends what waited, despite the back-off from the outage.
    await expect.poll(() => queue.every((e) => serverEvents().ids.has(e.id)), { timeout: 30_000, interval: 500 }).toBe(true);
    await expect.poll(async () => (await extensionState()).queue.length, { timeout: 10_000 }).toBe(0);
  });

  it('at its bound drops the oldest events, counts them, says so in options, and delivers the rest once', async () => {
    proxy.mode = 'error-500';
    const at = new Date().toISOString();
    const backlog = Array.from({ length: 4998 }, () => makeEvent({ at, department: 'sales', role: 'sales', actionId: 'sales-call-back' }));
    // Fill the queue as a long outage would have (4,998 events), then log through the real path.
    await browser.worker.evaluate((events) => chrome.storage.local.set({ queue: events }), backlog);
    for (let i = 0; i < 6; i++) await logAction(browser, i % 3);
    const { queue, queueStatus } = await extensionState();
    expect(queue).toHaveLength(5000);
    expect(queueStatus!.dropped).toBe(4);
    dropped.push(...backlog.slice(0, 4).map((e) => e.id));
    expect(queue.map((e) => e.id)).not.toContain(dropped[0]);

    const page = await openOptions(browser);
    expect(await page.getByTestId('events-dropped').textContent()).toBe(
      '4 oldest events dropped because the queue was full (it keeps the newest 5,000 while the server cannot be reached).',
    );
    expect(await page.getByTestId('events-waiting').textContent()).toBe('5000');
    await page.screenshot({ path: new URL('../.artifacts/options-dropped.png', import.meta.url).pathname, fullPage: true });
    await page.close();

    proxy.mode = 'pass';
    expect(await syncNow(browser, SYNC_TIMEOUT_MS)).toBe('Synced. 5000 events sent.');
    expect((await extensionState()).queue).toEqual([]);
  });

  it('in the end, the server holds every event the extension kept, exactly once, and none it dropped', async () => {
    const { ids, rolledUp } = serverEvents();
    const kept = [...proxy.seen].filter((id) => !dropped.includes(id));
    expect(kept.filter((id) => !ids.has(id))).toEqual([]);
    expect([...ids].filter((id) => !proxy.seen.has(id))).toEqual([]);
    expect(dropped.filter((id) => ids.has(id))).toEqual([]);
    expect(rolledUp).toBe(ids.size);
    console.log(
      `extension faults: ${ids.size} events delivered exactly once through ${proxy.log.length} requests (${proxy.log.filter((l) => !l.endsWith('pass')).length} met a fault); ${dropped.length} dropped at the bound, reported`,
    );
  });
});
