import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../shared/src/domain/local-day';
import { pickDailyStory } from '../../shared/src/domain/pick-daily-story';
import type { ContentBundle } from '../../shared/src/schemas/content-bundle';
import { buildExtension } from '../support/build-extension';
import { launchExtension, type ExtensionBrowser } from '../support/launch-extension';
import { logAction, openOptions, syncNow } from '../support/extension-options';
import { scheduleStory } from '../support/schedule-story';
import { startServer, type RunningServer } from '../support/start-server';
import { storedFigures } from '../support/stored-events';

const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'cc-e2e-'));
const databasePath = join(folder, 'cc.db');
let server: RunningServer;
let browser: ExtensionBrowser;
let scheduled: { id: string; title: string };

/** What the server stored for sales (the stats show only finished weeks, so not what was just sent). */
const salesActions = async () => storedFigures(databasePath, { department: 'sales' }).actionsTaken;

beforeAll(async () => {
  buildExtension();
  server = await startServer({ databasePath, env: { MIN_GROUP_SIZE: '1' } });
  // Schedule today a story the rotation would not show, so only the server's content can explain it.
  const bundle = (await (await fetch(`${server.url}/api/v1/content`)).json()) as ContentBundle;
  const rotation = pickDailyStory(bundle, new Date());
  const story = bundle.stories.find((s) => s.id !== rotation?.id)!;
  await scheduleStory(databasePath, localDay(new Date(), bundle.timezone), story.id);
  scheduled = { id: story.id, title: story.title };
  browser = await launchExtension();
});

afterAll(async () => {
  await browser?.dispose();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('the extension in Chromium against the real server', () => {
  it('is configured from the options page and syncs the server’s content', async () => {
    const page = await openOptions(browser);
    await page.getByLabel('Server URL').fill(server.url);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => page.locator('.message').textContent()).toMatch(/^Synced/);
    await page.screenshot({ path: `${ARTIFACTS}options.png`, fullPage: true });
    await page.close();
  });

  it('asks for department and role on first run, then shows the story the server scheduled for today', async () => {
    const page = await browser.context.newPage();
    await page.goto('chrome://newtab/');
    await page.getByLabel('Your department').selectOption('sales');
    await page.getByLabel('Your role').selectOption('sales');
    await page.getByRole('button', { name: 'Show my customer day' }).click();
    await expect.poll(() => page.locator('#story-title').textContent()).toBe(scheduled.title);
    await expect(page.getByText('The customer-chair question')).toBeTruthy();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: `${ARTIFACTS}newtab-light.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${ARTIFACTS}newtab-dark.png`, fullPage: true });
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 700 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByRole('button', { name: 'Copy question' }).waitFor();
    await popup.screenshot({ path: `${ARTIFACTS}popup.png`, fullPage: true });
    await popup.close();
    await page.close();
  });

  it('logs "I did this" once: exactly one action_taken for the department and role', async () => {
    await logAction(browser, 0);
    expect(await syncNow(browser)).toMatch(/^Synced/);
    const sales = storedFigures(databasePath, { department: 'sales' });
    expect(sales.actionsTaken).toBe(1);
    expect(sales.actionsByRole).toEqual({ sales: 1 });
    expect(sales.storyViews).toBe(1);
  });

  it('keeps an action logged while the server is down and delivers it once after restart', async () => {
    await server.stop();
    await logAction(browser, 1);
    expect(await syncNow(browser)).toMatch(/Cannot reach/);
    const waiting = await openOptions(browser);
    expect(await waiting.getByTestId('events-waiting').textContent()).toBe('1');
    await waiting.close();

    server = await startServer({ databasePath, port: server.port, adminToken: server.adminToken, env: { MIN_GROUP_SIZE: '1' } });
    expect(await syncNow(browser)).toMatch(/^Synced/);
    expect(await salesActions()).toBe(2);
    // Syncing again sends nothing twice.
    await syncNow(browser);
    expect(await salesActions()).toBe(2);
  });

  it('delivers events pending when the browser closed, once, after a relaunch', async () => {
    await server.stop();
    await logAction(browser, 2);
    await browser.close();
    server = await startServer({ databasePath, port: server.port, adminToken: server.adminToken, env: { MIN_GROUP_SIZE: '1' } });
    browser = await launchExtension({ userDataDir: browser.userDataDir });
    await expect.poll(salesActions, { timeout: 30_000, interval: 500 }).toBe(3);
    await syncNow(browser);
    expect(await salesActions()).toBe(3);
  });
});
