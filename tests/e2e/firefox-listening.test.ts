import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Schedule } from '../../shared/src/schemas/schedule';
import type { StoryRecord } from '../../shared/src/schemas/story-record';
import type { ValidationFigures } from '../../shared/src/schemas/validation';
import type { VoiceInbox } from '../../shared/src/schemas/voice';
import { buildExtension } from '../support/build-extension';
import { postBatch } from '../support/ingest-client';
import { adminCall } from '../support/judging-dashboard';
import { makeEvent, uuidv7 } from '../support/make-event';
import { launchFirefoxExtension, openPage, type FirefoxExtensionBrowser } from '../support/launch-firefox';
import { startServer, type RunningServer } from '../support/start-server';

/**
 * Listening (issue 18) in the Firefox build (firefox-mv2, Debian's
 * firefox-esr over WebDriver BiDi) against the real server process
 * (SQLite, the real clock, MIN_GROUP_SIZE 1 so one install is a large
 * enough department). The install is in Sales; today's story credits
 * Manufacturing.
 *
 * - "Thank Manufacturing" on the new tab reaches the server as one thanks
 *   for Manufacturing after "Sync now", and the button then says it was
 *   given, also on a new tab opened later.
 * - "I did this" shows in Sales's validation line after "Sync now".
 * - The voice page sends a message and lists it with its status, "New".
 *
 * Over BiDi, Puppeteer's ARIA and label queries do not answer for extension
 * pages, so controls are found by CSS and checked by their text (as in
 * firefox-extension.test.ts).
 */
const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'cc-e2e-firefox-listening-'));
const databasePath = join(folder, 'cc.db');
const STORY_ID = 'e2e-firefox-line-4-brackets';
const STORY_TITLE = 'Brackets in 5 hours instead of 5 days';
const CUSTOMER_SAID = 'Kestrel’s buyer told me our delivery notes list part numbers their goods-in team cannot match to their orders.';

let server: RunningServer;
let firefox: FirefoxExtensionBrowser;
const pageErrors: string[] = [];

const call = <T>(method: string, path: string, body?: unknown) => adminCall<T>(server, method, path, body);

/** The text of the first element matching `selector`, or '' while there is none. */
const textOf = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? '').catch(() => '');
/** Whether the first element matching `selector` is a disabled button (undefined while there is none). */
const isDisabled = (page: Page, selector: string) => page.$eval(selector, (e) => (e as HTMLButtonElement).disabled).catch(() => undefined);

/**
 * Opens one of the extension's pages. Over BiDi, Firefox reports no errors of
 * moz-extension:// pages (no `pageerror`, no console, no preload scripts), so
 * the page itself listens once loaded, and closePage() collects what it heard.
 */
async function open(path: string): Promise<Page> {
  const page = await openPage(firefox.browser, firefox.url(path));
  await page.evaluate(() => {
    const heard: string[] = [];
    (window as unknown as { heardErrors: string[] }).heardErrors = heard;
    addEventListener('error', (e) => heard.push(e.message));
    addEventListener('unhandledrejection', (e) => heard.push(String(e.reason)));
  });
  await page.setViewport({ width: 1100, height: 1000 });
  return page;
}

/** Closes a page opened with open(), keeping the errors it threw after loading. */
async function closePage(page: Page): Promise<void> {
  const path = new URL(page.url()).pathname;
  const heard = await page.evaluate(() => (window as unknown as { heardErrors?: string[] }).heardErrors ?? []).catch(() => []);
  pageErrors.push(...heard.map((message) => `${path}: ${message}`));
  await page.close();
}

/** "Sync now" on the options page (the queued events go first, then the content and the validation figures); answers its message. */
async function syncNow(): Promise<string> {
  const page = await open('options.html');
  try {
    await page.waitForSelector('.row button.secondary:not([disabled])');
    expect(await textOf(page, '.row button.secondary')).toBe('Sync now');
    await page.click('.row button.secondary');
    await expect.poll(() => textOf(page, '.message'), { timeout: 30_000 }).toMatch(/^Synced|error|Cannot|refused/i);
    return await textOf(page, '.message');
  } finally {
    await closePage(page);
  }
}

/** A new tab once today's story has painted. */
async function openNewTab(): Promise<Page> {
  const page = await open('newtab.html');
  await expect.poll(() => textOf(page, '#story-title'), { timeout: 15_000 }).toBe(STORY_TITLE);
  return page;
}

const thankButton = '.thanks button.thank';

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  buildExtension('firefox');
  server = await startServer({ databasePath, env: { MIN_GROUP_SIZE: '1' } });
  const { today } = await call<Schedule>('GET', '/api/v1/admin/schedule');
  await call<StoryRecord>('POST', '/api/v1/admin/stories', {
    id: STORY_ID,
    title: STORY_TITLE,
    customer: 'Kestrel Aerospace — purchasing lead',
    body: 'A quick-change fixture lets small orders run between large batches without re-tooling.',
    credits: ['manufacturing'],
  });
  await call('PUT', `/api/v1/admin/schedule/${today}`, { storyId: STORY_ID });
  // A colleague's install in Manufacturing opened a new tab today, so Manufacturing (k = 1) has its figures.
  const colleague = await postBatch(server.url, [
    makeEvent({ installId: uuidv7(), at: new Date().toISOString(), type: 'story_viewed', storyId: STORY_ID, department: 'manufacturing', role: 'manufacturing' }),
  ]);
  expect(colleague.status).toBe(200);
  firefox = await launchFirefoxExtension();
}, 120_000);

afterAll(async () => {
  await firefox?.dispose();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('listening in the Firefox build (firefox-esr) against the real server', () => {
  it('is set up as an employee would: the server on the options page, a sync, then Sales on the new tab’s first run', async () => {
    const options = await open('options.html');
    await options.waitForSelector('#server-url');
    await options.locator('#server-url').fill(server.url);
    await options.click('form.settings button[type="submit"]');
    await expect.poll(() => textOf(options, '.message')).toBe('Saved.');
    await closePage(options);
    expect(await syncNow()).toMatch(/^Synced/);
    const first = await open('newtab.html');
    await first.waitForSelector('form.picker select#department');
    await first.select('#department', 'sales');
    await first.select('#role', 'sales');
    await first.click('form.picker button[type="submit"]:not([disabled])');
    await expect.poll(() => textOf(first, '#story-title'), { timeout: 15_000 }).toBe(STORY_TITLE);
    await closePage(first);
  });

  it('"Thank Manufacturing" on the new tab is one thanks the server counts for Manufacturing, and the button then says it was given', async () => {
    const page = await openNewTab();
    await page.waitForSelector(thankButton);
    // Only the credited department, never one's own.
    expect(await page.$$eval(thankButton, (buttons) => buttons.map((b) => b.textContent?.trim()))).toEqual(['Thank Manufacturing']);
    expect(await isDisabled(page, thankButton)).toBe(false);
    await page.click(thankButton);
    await expect.poll(() => textOf(page, thankButton)).toBe('Thanked Manufacturing ✓');
    expect(await isDisabled(page, thankButton)).toBe(true);
    await closePage(page);

    expect(await syncNow()).toMatch(/^Synced/);
    const figures = (await (await fetch(`${server.url}/api/v1/validation?department=manufacturing`)).json()) as ValidationFigures;
    expect(figures.thisMonth?.thanks).toBe(1);

    // A new tab opened later shows the thanks given, and it cannot be given twice.
    const again = await openNewTab();
    await again.waitForSelector(thankButton);
    expect(await textOf(again, thankButton)).toBe('Thanked Manufacturing ✓');
    expect(await isDisabled(again, thankButton)).toBe(true);
    await closePage(again);
    // The popup reads the same record of thanks given in this browser.
    const popup = await open('popup.html');
    await popup.waitForSelector(thankButton);
    expect(await textOf(popup, thankButton)).toBe('Thanked Manufacturing ✓');
    expect(await isDisabled(popup, thankButton)).toBe(true);
    await closePage(popup);
  });

  it('"I did this" shows in Sales’s validation line on the new tab after "Sync now"', async () => {
    const page = await openNewTab();
    await page.waitForSelector('li.action button.secondary');
    expect(await textOf(page, 'li.action button.secondary')).toBe('I did this');
    await page.click('li.action button.secondary');
    await expect.poll(() => textOf(page, 'li.action .action-state')).toContain('Logged — thank you');
    await closePage(page);

    expect(await syncNow()).toMatch(/^Synced/);
    const figures = (await (await fetch(`${server.url}/api/v1/validation?department=sales`)).json()) as ValidationFigures;
    expect(figures.thisWeek?.actions).toBe(1);

    const after = await openNewTab();
    await expect.poll(() => textOf(after, 'section.validation')).toContain('This week Sales logged 1 customer action');
    // Sales was thanked by no one: the line says nothing of thanks, and nothing of Manufacturing's figures.
    expect(await textOf(after, 'section.validation')).not.toMatch(/thanked|Manufacturing/);
    expect(await textOf(after, thankButton)).toBe('Thanked Manufacturing ✓');
    await after.screenshot({ path: `${ARTIFACTS}firefox-newtab-listening.png`, fullPage: true });
    await closePage(after);
  });

  it('the voice page sends a message and lists it with the status "New"', async () => {
    const page = await open('voice.html');
    await page.waitForSelector('form.voice-form input[type="radio"][value="customer_said"]');
    const labels = await page.$$eval('form.voice-form label.kind', (all) => all.map((l) => l.textContent?.trim()));
    expect(labels).toContain('What did a customer tell you?');
    expect(await textOf(page, 'label[for="voice-text"]')).toBe('What you want to tell the CX team');
    expect(await textOf(page, '.sent-with')).toContain('Sent with your department: Sales');
    await page.click('form.voice-form input[type="radio"][value="customer_said"]');
    await page.locator('#voice-text').fill(CUSTOMER_SAID);
    await expect.poll(() => page.$eval('#voice-text', (e) => (e as HTMLTextAreaElement).value)).toBe(CUSTOMER_SAID);
    expect(await textOf(page, 'form.voice-form button[type="submit"]')).toBe('Send');
    await page.click('form.voice-form button[type="submit"]');
    await expect.poll(() => textOf(page, 'form.voice-form .outcome'), { timeout: 15_000 }).toMatch(/^Sent\. Your receipt is kept in this browser/);
    await expect.poll(() => textOf(page, '[data-testid="voice-status"]'), { timeout: 15_000 }).toBe('New');
    expect(await textOf(page, '.my-voice .kept-voice .excerpt')).toContain('Kestrel’s buyer told me');
    await page.screenshot({ path: `${ARTIFACTS}firefox-voice.png`, fullPage: true });
    await closePage(page);

    // The server has it, from Sales, and nothing else about the sender.
    const inbox = await call<VoiceInbox>('GET', '/api/v1/admin/voice');
    expect(inbox.messages).toEqual([expect.objectContaining({ text: CUSTOMER_SAID, kind: 'customer_said', status: 'new', department: { id: 'sales', name: 'Sales' } })]);
  });

  it('no page threw after it loaded', () => {
    expect(pageErrors).toEqual([]);
  });
});
