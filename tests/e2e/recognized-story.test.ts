import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../shared/src/domain/local-day';
import { pickPrompt } from '../../shared/src/domain/pick-prompt';
import { agendaBlock, storyAsText, storyForChat } from '../../shared/src/domain/story-as-text';
import type { ContentBundle } from '../../shared/src/schemas/content-bundle';
import type { ContentExport } from '../../shared/src/schemas/content-export';
import type { Story } from '../../shared/src/schemas/story';
import { SITES } from '../../extension/sites';
import { buildExtension } from '../support/build-extension';
import { launchExtension, type ExtensionBrowser } from '../support/launch-extension';
import { serveFixtures } from '../support/serve-fixtures';
import { setUpExtension } from '../support/set-up-extension';
import { startServer, type RunningServer } from '../support/start-server';

const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'cc-e2e-recognized-'));
const MARK_LINE = 'Recognized: Faster for the customer, 2027 Q1 — Line 4 maintenance crew';
/** The story a winner became, as publishing a round makes it (shared/src/domain/recognized-story.ts). */
const RECOGNIZED: Story = {
  id: 'recognized-e-line4',
  title: 'Recognized: Faster for the customer, 2027 Q1',
  customer: 'Kestrel Aerospace — purchasing lead',
  quote: 'We now get brackets the same day we order them.',
  source: 'Kestrel’s purchasing lead, quarterly review',
  body: 'Team: Line 4 maintenance crew\n\nHow they did it: a quick-change fixture lets small orders run between large batches without re-tooling.',
  impact: 'Before: 5 days from order to dispatch. After: 5 hours.',
  tags: ['recognized'],
  archived: false,
  recognition: { roundName: '2027 Q1', categoryName: 'Faster for the customer', teamName: 'Line 4 maintenance crew' },
};
let server: RunningServer;
let browser: ExtensionBrowser;
let bundle: ContentBundle;

const admin = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}/api/v1/admin${path}`, { ...init, headers: { Authorization: `Bearer ${server.adminToken}`, ...init.headers } });

/** The card's host element; Playwright's locators pierce its open shadow root. */
const card = (page: Page): Locator => page.locator('customer-chair-card');
const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

async function bothSchemes(page: Page, shoot: (scheme: 'light' | 'dark') => Promise<unknown>) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await shoot(scheme);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

beforeAll(async () => {
  buildExtension();
  server = await startServer({ databasePath: join(folder, 'cc.db'), env: { MIN_GROUP_SIZE: '1' } });
  // The recognized story comes in as a restored export (the admin API cannot set a mark by hand),
  // scheduled for today, the company's local day.
  const file = (await (await admin('/export')).json()) as ContentExport;
  const today = localDay(new Date(), file.timezone ?? 'UTC');
  const restored = await admin('/import?mode=apply', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...file, stories: [...file.stories, RECOGNIZED], schedule: { ...file.schedule, [today]: RECOGNIZED.id } }),
  });
  expect(restored.status).toBe(200);
  bundle = (await (await fetch(`${server.url}/api/v1/content`)).json()) as ContentBundle;
  expect(bundle.schedule[today]).toBe(RECOGNIZED.id);
  expect(bundle.stories.find((s) => s.id === RECOGNIZED.id)!.recognition).toEqual(RECOGNIZED.recognition);

  browser = await launchExtension();
  await serveFixtures(browser.context);
  await setUpExtension(browser, { serverUrl: server.url, department: 'manufacturing', role: 'manufacturing', sync: true });
});

afterAll(async () => {
  await browser?.dispose();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('a recognized story of the day, on every surface', () => {
  it('new tab: shows the mark, small, above the title, in words a screen reader reads', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto('chrome://newtab/');
    const title = page.getByRole('heading', { level: 1, name: RECOGNIZED.title });
    await title.waitFor();
    const mark = page.locator('.story .recognition');
    expect(await mark.textContent()).toBe(`★ ${MARK_LINE}`);
    // What assistive technology gets: the line without the decorative star.
    const accessible = await page.locator('.story').ariaSnapshot();
    expect(accessible).toContain(MARK_LINE);
    expect(accessible).not.toContain('★');
    // Tiny: one line, smaller than the text around it, above the title.
    const [markBox, titleBox] = [(await mark.boundingBox())!, (await title.boundingBox())!];
    expect(markBox.height).toBeLessThan(30);
    expect(markBox.y + markBox.height).toBeLessThanOrEqual(titleBox.y);
    await bothSchemes(page, (scheme) => page.screenshot({ path: `${ARTIFACTS}newtab-recognized-${scheme}.png`, fullPage: true }));
    await page.close();
  });

  it('popup: shows the mark above the title', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 380, height: 600 });
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await page.locator('.story .recognition').waitFor();
    expect(await page.locator('.story .recognition').textContent()).toBe(`★ ${MARK_LINE}`);
    await bothSchemes(page, (scheme) => page.screenshot({ path: `${ARTIFACTS}popup-recognized-${scheme}.png` }));
    await page.close();
  });

  it('meeting card (Google Meet): shows the mark, and the story and agenda block it inserts into the chat say so in plain text', async () => {
    const meet = SITES.find((s) => s.id === 'meet')!;
    const question = pickPrompt(bundle, new Date(), 'meeting');
    const page = await browser.context.newPage();
    await page.goto('https://meet.google.com/rec-ogni-zed');
    await card(page).getByRole('region', { name: 'Customer chair' }).waitFor();
    await expect.poll(() => card(page).locator('.recognition').textContent()).toBe(`★ ${MARK_LINE}`);
    expect(await card(page).locator('.story-title').textContent()).toBe(RECOGNIZED.title);
    await bothSchemes(page, (scheme) => card(page).locator('.card').screenshot({ path: `${ARTIFACTS}card-recognized-${scheme}.png` }));

    const chatText = () => page.evaluate(() => (window as unknown as { editorText: () => string }).editorText());
    await page.waitForFunction(() => document.documentElement.dataset.editorReady === 'true', undefined, { timeout: 20_000 });
    for (const [item, text] of [
      ['story', storyForChat(RECOGNIZED, meet.maxTextLength)],
      ['agenda block', agendaBlock(RECOGNIZED, question, meet.maxTextLength)],
    ] as const) {
      expect(text).toContain(MARK_LINE);
      await page.evaluate(() => (window as unknown as { editorClear: () => void }).editorClear());
      await card(page).getByRole('button', { name: `Insert ${item}` }).click();
      await expect.poll(async () => fold(await chatText()), { message: `Insert ${item}` }).toBe(fold(text));
    }
    await page.close();
  });

  it('meeting card (Google Calendar): the story it inserts into the event description says so in plain text', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://calendar.google.com/calendar/u/0/r/week');
    await card(page).getByRole('region', { name: 'Customer chair' }).waitFor();
    await page.waitForFunction(() => document.documentElement.dataset.editorReady === 'true', undefined, { timeout: 20_000 });
    await page.evaluate(() => (window as unknown as { editorClear: () => void }).editorClear());
    await card(page).getByRole('button', { name: 'Insert story' }).click();
    const text = storyAsText(RECOGNIZED);
    expect(text).toContain(`\n\n${MARK_LINE}\n\n`);
    await expect.poll(async () => fold(await page.evaluate(() => (window as unknown as { editorText: () => string }).editorText()))).toBe(fold(text));
    await page.close();
  });
});
