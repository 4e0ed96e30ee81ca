import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickPrompt } from '../../shared/src/domain/pick-prompt';
import type { ContentBundle } from '../../shared/src/schemas/content-bundle';
import type { StoryRecord } from '../../shared/src/schemas/story-record';
import { buildDashboard } from '../support/build-dashboard';
import { buildExtension } from '../support/build-extension';
import { JUDGING_ROUND, seedJudgingRound } from '../support/dashboard-data';
import { syncNow } from '../support/extension-options';
import { focused, tabTo } from '../support/keyboard';
import { adminCall } from '../support/judging-dashboard';
import { launchExtension, type ExtensionBrowser } from '../support/launch-extension';
import { serveFixtures } from '../support/serve-fixtures';
import { setUpExtension } from '../support/set-up-extension';
import { startServer, type RunningServer } from '../support/start-server';
import { storedFigures } from '../support/stored-events';

/**
 * Each page's main task with the keyboard alone, in Chromium: once a page
 * is open, only Tab, Shift+Tab, Enter, Space, Escape and the arrow keys
 * (page.keyboard), never a click. One browser for the file.
 */
const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'cc-e2e-keyboard-'));
const databasePath = join(folder, 'cc.db');
let server: RunningServer;
let browser: ExtensionBrowser;
let bundle: ContentBundle;

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(url);
  return page;
}

/** The dashboard at `hash`, signed in with the keyboard: to the token field (it has the focus), type it, Enter. */
async function openDashboard(hash: string): Promise<Page> {
  // Signed out: the session of an earlier walk is not this one's.
  await browser.context.clearCookies({ domain: new URL(server.url).hostname });
  const page = await open(`${server.url}/${hash}`);
  await page.getByLabel('Admin token').waitFor();
  await tabTo(page, /^input\[password\] Admin token/);
  await page.keyboard.type(server.adminToken);
  await page.keyboard.press('Enter');
  await page.getByRole('navigation', { name: 'Dashboard' }).waitFor();
  return page;
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  buildExtension();
  buildDashboard();
  server = await startServer({ databasePath, env: { MIN_GROUP_SIZE: '1' } });
  bundle = (await (await fetch(`${server.url}/api/v1/content`)).json()) as ContentBundle;
  browser = await launchExtension();
  await serveFixtures(browser.context);
  await setUpExtension(browser, { serverUrl: server.url, department: 'sales', role: 'sales', sync: true });
  await seedJudgingRound(server);
});

afterAll(async () => {
  await browser?.dispose();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('keyboard-only walks (Chromium)', () => {
  it('new tab: logs an action ("I did this") and undoes it', async () => {
    const page = await open('chrome://newtab/');
    await page.locator('#story-title').waitFor();
    const [stop] = (await tabTo(page, /^button I did this: /)).slice(-1);
    const action = stop!.replace(/^button I did this: /, '');
    await page.keyboard.press('Enter');
    await page.getByText('Logged — thank you').waitFor();
    // The focus goes to Undo, where the pressed button was: not lost to the top of the page.
    await expect.poll(() => focused(page)).toBe(`button Undo: ${action}`);
    await page.screenshot({ path: `${ARTIFACTS}keyboard-newtab-logged.png` });
    // Undo is offered for 6 s (UNDO_MS), but not taken from under the keyboard's focus.
    await page.waitForTimeout(7_200);
    expect(await focused(page)).toBe(`button Undo: ${action}`);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: `I did this: ${action}` }).waitFor();
    await expect.poll(() => focused(page)).toBe(`button I did this: ${action}`);
    await page.close();
    // Undone before it was sent: the server never gets it.
    expect(await syncNow(browser)).toMatch(/^Synced/);
    expect(storedFigures(databasePath, { department: 'sales' }).actionsTaken).toBe(0);
  });

  it('meeting card: inserts the question into the meeting’s editor', async () => {
    const question = pickPrompt(bundle, new Date(), 'meeting')!;
    const page = await open('https://meet.google.com/abc-defg-hij');
    await page.locator('customer-chair-card').getByRole('button', { name: 'Insert question' }).waitFor();
    await page.waitForFunction(() => document.documentElement.dataset.editorReady === 'true');
    await tabTo(page, /^button Insert question$/);
    await page.keyboard.press('Enter');
    // The editor's own model (here a controlled textarea's React state), not the DOM.
    await expect.poll(() => page.evaluate(() => (window as unknown as { editorText: () => string }).editorText())).toBe(question.text);
    await page.locator('customer-chair-card').getByText(/^Added to/).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}keyboard-meeting-card.png` });
    await page.close();
  });

  it('dashboard: edits a story and saves it', async () => {
    const stories = await adminCall<{ stories: StoryRecord[] }>(server, 'GET', '/api/v1/admin/stories');
    const story = stories.stories.find((s) => !s.archived)!;
    const page = await openDashboard('#/stories');
    await page.getByRole('heading', { name: 'Stories', level: 1 }).waitFor();
    await tabTo(page, new RegExp(`^a Edit “${story.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”$`));
    await page.keyboard.press('Enter');
    await page.getByLabel('Title').waitFor();
    await tabTo(page, /^input\[text\] Title/);
    await page.keyboard.press('End');
    await page.keyboard.type(' (edited)');
    await tabTo(page, /^button Save story$/);
    await page.keyboard.press('Enter');
    await page.getByText('Saved. Extensions get the change at their next sync.').waitFor();
    // The focus stays where it was, to go on from there (a button disabled while saving would drop it to the top of the page).
    expect(await focused(page)).toBe('button Save story');
    await page.screenshot({ path: `${ARTIFACTS}keyboard-story-saved.png` });
    const saved = await adminCall<StoryRecord>(server, 'GET', `/api/v1/admin/stories/${encodeURIComponent(story.id)}`);
    expect(saved.title).toBe(`${story.title} (edited)`);
    await page.close();
  });

  it('dashboard: refreshes the audit log after a change made elsewhere', async () => {
    const page = await openDashboard('#/audit');
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    await page.locator('table.audit').waitFor();
    // Another CX lead adds a story meanwhile.
    const title = 'A refund in two minutes, refreshed';
    await adminCall(server, 'POST', '/api/v1/admin/stories', { title, customer: 'Harbor Dental', body: 'Written while the log was open.' });
    // A real network's answer takes a while: long enough for the page to draw the busy button.
    await page.route('**/api/v1/admin/audit*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    await tabTo(page, /^button Refresh$/);
    await page.keyboard.press('Enter');
    await page.locator('table.audit').getByText(`“${title}”`).waitFor();
    // Refresh is busy while it loads, yet keeps the focus: pressing it again goes on from there.
    expect(await focused(page)).toBe('button Refresh');
    await page.close();
  });

  it('dashboard: previews an import and applies it; the result takes the focus Apply leaves', async () => {
    const page = await openDashboard('#/import');
    await page.getByRole('heading', { name: 'Import & export', level: 1 }).waitFor();
    await tabTo(page, /^textarea …or paste it here/);
    await page.keyboard.type('title,customer,body\nThe keyboard import,Harbor Dental,Typed and applied without a mouse.\n');
    await tabTo(page, /^button Preview \(changes nothing\)$/);
    await page.keyboard.press('Enter');
    await page.locator('.import-rows tbody tr').first().waitFor();
    await tabTo(page, /^button Apply$/);
    await page.keyboard.press('Enter');
    await page.getByText(/^Imported: 1 created/).waitFor();
    // Apply has nothing left to do (disabled): the focus is on what happened, not on the page's body.
    await expect.poll(() => focused(page)).toMatch(/^p Imported: 1 created/);
    await page.screenshot({ path: `${ARTIFACTS}keyboard-import-applied.png` });
    await page.close();
  });

  it('dashboard: scores an entry of a round in judging', async () => {
    const page = await openDashboard(`#/judging/${JUDGING_ROUND.id}`);
    const card = page.locator('article.scorecard');
    await card.getByRole('heading', { name: JUDGING_ROUND.teams[0] }).waitFor();
    // A radio group is one Tab stop: Space picks the first score, the arrows move it.
    await tabTo(page, /^input\[radio\] 1/);
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await tabTo(page, /^input\[radio\] 1/);
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await tabTo(page, /^textarea Feedback to the team/);
    await page.keyboard.type('Clear figures, measured the same way before and after.');
    await tabTo(page, /^button Save scorecard$/);
    await page.keyboard.press('Enter');
    await card.getByText(`Your scorecard of “${JUDGING_ROUND.teams[0]}” is saved.`).waitFor();
    expect(await focused(page)).toBe('button Save changes');
    expect(await card.getByRole('group', { name: /How much less the customer waits/ }).getByRole('radio', { name: /^4\b/ }).isChecked()).toBe(true);
    expect(await card.getByRole('group', { name: /The customer noticed/ }).getByRole('radio', { name: /^2\b/ }).isChecked()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}keyboard-scorecard-saved.png`, fullPage: true });
    await page.close();
  });
});
