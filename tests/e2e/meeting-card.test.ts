import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaBlock, storyAsText, storyForChat } from '../../shared/src/domain/story-as-text';
import { pickDailyStory } from '../../shared/src/domain/pick-daily-story';
import { pickPrompt } from '../../shared/src/domain/pick-prompt';
import type { ContentBundle } from '../../shared/src/schemas/content-bundle';
import type { Prompt } from '../../shared/src/schemas/prompt';
import type { Story } from '../../shared/src/schemas/story';
import { SITES } from '../../extension/sites';
import type { SiteAdapter } from '../../extension/sites/site-adapter';
import { buildExtension } from '../support/build-extension';
import { launchExtension, type ExtensionBrowser } from '../support/launch-extension';
import { setUpExtension } from '../support/set-up-extension';
import { serveFixtures } from '../support/serve-fixtures';
import { startServer, type RunningServer } from '../support/start-server';
import { storedFigures } from '../support/stored-events';

/** The little of the extension API the service worker is asked to run below (evaluated there, not here). */
declare const chrome: {
  tabs: { query: (q: { url: string }) => Promise<unknown[]> };
  commands: { onCommand: unknown };
  contextMenus: { onClicked: unknown };
};

const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'cc-card-'));
const databasePath = join(folder, 'cc.db');
let server: RunningServer;
let browser: ExtensionBrowser;
let story: Story;
let question: Prompt;

/** Each site's meeting page (served from its fixture, rebuilt around the site's real editor), and that editor. */
const MEETINGS: Record<SiteAdapter['id'], { url: string; editor: string }> = {
  meet: { url: 'https://meet.google.com/abc-defg-hij', editor: 'a controlled textarea' },
  // The meeting UI on the page itself; in the web client's iframe#webclient below.
  zoom: { url: 'https://app.zoom.us/wc/81234567890/start', editor: 'TipTap 3' },
  teams: { url: 'https://teams.microsoft.com/v2/', editor: 'CKEditor 5' },
  calendar: { url: 'https://calendar.google.com/calendar/u/0/r/week', editor: 'a contenteditable' },
  outlook: { url: 'https://outlook.office.com/calendar/deeplink/compose', editor: 'RoosterJS 9' },
};

/** The card's host element; Playwright's locators pierce its open shadow root. */
const card = (page: Page): Locator => page.locator('customer-chair-card');

async function openMeeting(site: SiteAdapter, url = MEETINGS[site.id].url): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  return page;
}

/** The page's editor has started (each fixture page marks it when its editor is on `window`). */
const editorReady = (page: Page | Frame, name = 'editor') =>
  page.waitForFunction((name) => document.documentElement.dataset[`${name}Ready`] === 'true', name, { timeout: 20_000 });

/** The text of the page's editor as its own model holds it (CKEditor's model, TipTap's getText, Rooster's content model…), not the DOM. */
const modelText = (page: Page | Frame, name = 'editor') => page.evaluate((name) => (window as unknown as Record<string, () => string>)[`${name}Text`]!(), name);
const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
/** How often `text` is in the editor's model, whitespace folded (editors turn line breaks into paragraphs). */
const timesIn = (model: string, text: string) => fold(model).split(fold(text)).length - 1;

async function syncNow(): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(() => page.locator('.message').textContent()).toMatch(/^Synced/);
  await page.close();
}

/**
 * What the server stored for the sales department on one surface (the
 * dashboard shows only whole, finished weeks, so not what was just sent).
 */
const surface = async (id: string) => storedFigures(databasePath, { department: 'sales', surface: id });

beforeAll(async () => {
  buildExtension();
  server = await startServer({ databasePath, env: { MIN_GROUP_SIZE: '1' } });
  const bundle = (await (await fetch(`${server.url}/api/v1/content`)).json()) as ContentBundle;
  story = pickDailyStory(bundle, new Date())!;
  question = pickPrompt(bundle, new Date(), 'meeting')!;
  browser = await launchExtension();
  await serveFixtures(browser.context);
  // The employee points the extension at the server and says where they work.
  await setUpExtension(browser, { serverUrl: server.url, department: 'sales', role: 'sales', sync: true });
});

afterAll(async () => {
  await browser?.dispose();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('the customer chair card, on each meeting site', () => {
  for (const site of SITES) {
    it(`${site.name}: shows today's story and question, and each button puts the right text into the editor's own model (${MEETINGS[site.id].editor}), once`, async () => {
      const page = await openMeeting(site);
      await card(page).getByRole('region', { name: 'Customer chair' }).waitFor();
      await expect.poll(() => card(page).locator('.story-title').textContent()).toBe(story.title);
      expect(await card(page).locator('.question-text').textContent()).toBe(question.text);

      const expected = {
        story: site.targetKind === 'chat' ? storyForChat(story, site.maxTextLength) : storyAsText(story),
        question: question.text,
        'agenda block': agendaBlock(story, question, site.maxTextLength),
      };
      for (const [item, text] of Object.entries(expected)) {
        // Empty the editor through its own API (a reload would be a new call on Teams).
        await editorReady(page);
        await page.evaluate(() => (window as unknown as { editorClear: () => void }).editorClear());
        await expect.poll(async () => fold(await modelText(page))).toBe('');
        await card(page).getByRole('button', { name: `Insert ${item}` }).click();
        await expect.poll(async () => fold(await modelText(page)), { message: `${site.id}: Insert ${item}` }).toBe(fold(text));
        expect(timesIn(await modelText(page), text)).toBe(1);
        expect(await card(page).getByRole('status').last().textContent()).toMatch(/^Added to/);
        // Still once a moment later: no editor took it back, and nothing arrived twice.
        await page.waitForTimeout(300);
        expect(fold(await modelText(page))).toBe(fold(text));
      }
      if (site.maxTextLength) expect(expected['agenda block'].length).toBeLessThanOrEqual(site.maxTextLength);
      await page.screenshot({ path: `${ARTIFACTS}card-${site.id}.png` });
      await page.close();
    });
  }

  it('sends the events to the server with each site as the surface: the question shown once per meeting, every insert', async () => {
    await syncNow();
    for (const site of SITES) {
      // Story and agenda block carry the story; question and agenda block carry the question.
      expect(await surface(site.id), site.id).toMatchObject({ promptsShown: 1, storiesInserted: 2, promptsInserted: 2 });
    }
  });

  it('shows no card on a page of the same site that is not a meeting', async () => {
    const page = await browser.context.newPage();
    for (const url of ['https://meet.google.com/landing', 'https://app.zoom.us/wc/home', 'https://outlook.office.com/mail/inbox']) {
      await page.goto(url);
      await page.getByRole('heading').first().waitFor();
      await page.waitForTimeout(1200);
      expect(await card(page).count(), url).toBe(0);
    }
    await page.close();
  });

  it('appears when a single-page app moves into a meeting, and leaves when it moves out', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://meet.google.com/landing');
    await page.waitForTimeout(800);
    expect(await card(page).count()).toBe(0);
    await page.evaluate(() => history.pushState({}, '', '/xyz-abcd-efg'));
    await card(page).getByRole('region', { name: 'Customer chair' }).waitFor();
    await page.evaluate(() => history.pushState({}, '', '/landing'));
    await expect.poll(() => card(page).count()).toBe(0);
    await page.close();
  });

  it('offers Copy when the chat is closed, and Insert again once it opens', async () => {
    await syncNow();
    const before = (await surface('meet'))!;
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://meet.google.com' });
    const page = await openMeeting(SITES.find((s) => s.id === 'meet')!, 'https://meet.google.com/cop-ycop-ycc');
    await card(page).getByRole('button', { name: 'Insert story' }).waitFor();
    // Close the chat: the side panel leaves the page, as in Meet.
    const panel = await page.locator('aside').evaluateHandle((aside) => {
      aside.remove();
      return aside;
    });
    await card(page).getByText('Open the chat (In-call messages) to insert here').waitFor();
    expect(await card(page).getByRole('button', { name: /^Insert/ }).count()).toBe(0);
    await card(page).getByRole('button', { name: 'Copy question' }).click();
    await card(page).getByText('Copied — paste it anywhere').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(question.text);
    // Open the chat again.
    await page.evaluate((aside) => document.body.firstElementChild!.append(aside as Node), panel);
    await card(page).getByRole('button', { name: 'Insert question' }).waitFor();
    await page.close();
    await syncNow();
    // The copied question counts as used in the meeting, like an insert.
    expect(await surface('meet')).toMatchObject({ promptsShown: before.promptsShown + 1, promptsInserted: before.promptsInserted + 1 });
  });

  it('copies the text when the editor takes nothing, says so, leaves the editor as it was, and counts no insert', async () => {
    await syncNow();
    const before = await surface('meet');
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://meet.google.com' });
    const page = await openMeeting(SITES.find((s) => s.id === 'meet')!, 'https://meet.google.com/ref-usin-ged');
    await editorReady(page);
    await card(page).getByRole('button', { name: 'Insert question' }).click();
    await card(page).getByText('Copied: press Ctrl+V in the chat (In-call messages) to paste it. It would not take the text directly.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(question.text);
    expect(await modelText(page)).toBe('');
    expect(fold(await page.getByRole('textbox', { name: 'Send a message' }).innerText())).toBe('');
    await page.screenshot({ path: `${ARTIFACTS}card-copied.png` });
    await page.close();
    await syncNow();
    // The question was shown in this new meeting, but nothing reached the meeting: no prompt_inserted.
    expect(await surface('meet')).toMatchObject({ promptsShown: before.promptsShown + 1, promptsInserted: before.promptsInserted, storiesInserted: before.storiesInserted });
  });

  it('stays collapsed on a site once collapsed, on that site only, and logs the question only when it is seen', async () => {
    const meet = SITES.find((s) => s.id === 'meet')!;
    await syncNow();
    const before = { meet: (await surface('meet'))!, zoom: (await surface('zoom'))! };
    let page = await openMeeting(meet, 'https://meet.google.com/col-laps-edd');
    await card(page).getByRole('button', { name: 'Customer chair' }).click();
    await expect.poll(() => card(page).getByRole('button', { name: 'Customer chair' }).getAttribute('aria-expanded')).toBe('false');
    expect(await card(page).locator('.question-text').count()).toBe(0);
    await page.close();

    page = await openMeeting(meet, 'https://meet.google.com/som-ethi-ngg');
    await card(page).getByRole('button', { name: 'Customer chair' }).waitFor();
    await page.waitForTimeout(600);
    expect(await card(page).getByRole('button', { name: 'Customer chair' }).getAttribute('aria-expanded')).toBe('false');
    await page.screenshot({ path: `${ARTIFACTS}card-meet-collapsed.png` });
    // Zoom's card is open; it is the same Zoom meeting as before, so its question is not counted again.
    const zoom = await openMeeting(SITES.find((s) => s.id === 'zoom')!);
    await card(zoom).locator('.question-text').waitFor();
    await zoom.close();
    await syncNow();
    // The first meeting showed its question before it was collapsed; the second has not shown it.
    expect(await surface('meet')).toMatchObject({ promptsShown: before.meet.promptsShown + 1 });
    expect(await surface('zoom')).toMatchObject({ promptsShown: before.zoom.promptsShown });
    // Expanding shows the question: now it is counted for this meeting.
    await card(page).getByRole('button', { name: 'Customer chair' }).click();
    await card(page).locator('.question-text').waitFor();
    await page.close();
    await syncNow();
    expect(await surface('meet')).toMatchObject({ promptsShown: before.meet.promptsShown + 2 });
  });

  it('can be hidden for the current meeting, and comes back for the next one', async () => {
    const meet = SITES.find((s) => s.id === 'meet')!;
    let page = await openMeeting(meet, 'https://meet.google.com/hid-ethi-son');
    await card(page).getByRole('button', { name: 'Hide for this meeting' }).click();
    await expect.poll(() => card(page).count()).toBe(0);
    await page.reload();
    await page.waitForTimeout(1200);
    expect(await card(page).count()).toBe(0);
    await page.close();
    page = await openMeeting(meet, 'https://meet.google.com/the-next-one');
    await card(page).getByRole('button', { name: 'Customer chair' }).waitFor();
    await page.close();
  });
});

describe('the customer chair card, in a frame, on the new addresses and in other languages', () => {
  /** Clicks "Insert question" and checks the editor's own model holds the question once, and still a moment later. */
  async function insertQuestion(page: Page, editor: Page | Frame = page): Promise<void> {
    await editorReady(editor);
    await card(page).getByRole('button', { name: 'Insert question' }).click();
    await expect.poll(async () => fold(await modelText(editor))).toBe(fold(question.text));
    expect(await card(page).getByRole('status').last().textContent()).toMatch(/^Added to/);
    await page.waitForTimeout(300);
    expect(fold(await modelText(editor))).toBe(fold(question.text));
  }

  it('Zoom: finds the TipTap chat inside the web client’s same-origin iframe#webclient, added and opened after the card appeared, and inserts into its model once', async () => {
    await syncNow();
    const before = await surface('zoom');
    const page = await browser.context.newPage();
    await page.goto('https://app.zoom.us/wc/81234567890/join');
    // The shell alone: the card is there (the address is a meeting), with nothing to insert into yet.
    await card(page).getByText('Open the meeting chat to insert here').waitFor();
    await page.evaluate(() => (window as unknown as { joinFromBrowser: () => void }).joinFromBrowser());
    // Found once the frame has loaded: the frame's load, not a change of the top page, says so.
    await card(page).getByRole('button', { name: 'Insert question' }).waitFor();
    const webclient = page.frame({ url: /[?&]frame=1/ })!;
    // Closing the chat and opening it again happens inside the frame only.
    const chat = await webclient.locator('.chat-container').evaluateHandle((panel) => {
      panel.remove();
      return panel;
    });
    await card(page).getByText('Open the meeting chat to insert here').waitFor();
    await webclient.evaluate((panel) => document.querySelector('#root')!.append(panel as Node), chat);
    await insertQuestion(page, webclient);
    expect(timesIn(await modelText(webclient), question.text)).toBe(1);
    // One card, in the top frame only.
    expect(await card(page).count()).toBe(1);
    expect(await webclient.locator('customer-chair-card').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}card-zoom-webclient.png` });
    await page.close();
    // Logged once: the insert counts once, from the top frame's card.
    await syncNow();
    expect(await surface('zoom')).toMatchObject({ promptsInserted: before.promptsInserted + 1, storiesInserted: before.storiesInserted });
  });

  const PAGES = [
    { shot: 'teams-cloud', what: 'Teams on teams.cloud.microsoft (CKEditor 5)', url: 'https://teams.cloud.microsoft/v2/' },
    { shot: 'teams-join-link', what: 'Teams from a join link in the hash (CKEditor 5)', url: 'https://teams.microsoft.com/v2/?meetingjoin=true#/l/meetup-join/19%3ameeting_NjQ4ZTdk%40thread.v2/0?context=%7b%7d' },
    { shot: 'teams-ja', what: 'Teams in Japanese (CKEditor 5)', url: 'https://teams.microsoft.com/v2/?hl=ja' },
    { shot: 'outlook-cloud', what: 'Outlook on outlook.cloud.microsoft (RoosterJS 9)', url: 'https://outlook.cloud.microsoft/calendar/deeplink/compose' },
    { shot: 'outlook-de', what: 'Outlook in German (RoosterJS 9)', url: 'https://outlook.cloud.microsoft/calendar/deeplink/compose?hl=de' },
    { shot: 'meet-instant', what: 'a Meet instant meeting at /_meet/<code> (a controlled textarea)', url: 'https://meet.google.com/_meet/ins-tant-mtg?authuser=0&adhoc=1' },
    { shot: 'calendar-de', what: 'Calendar’s event editor in German (a contenteditable)', url: 'https://calendar.google.com/calendar/u/0/r/eventedit/NWZkMTJh?hl=de' },
  ];
  for (const { shot, what, url } of PAGES) {
    it(`${what}: the card appears and puts the question into the editor's own model, once`, async () => {
      const page = await browser.context.newPage();
      await page.goto(url);
      await card(page).getByRole('region', { name: 'Customer chair' }).waitFor();
      await insertQuestion(page);
      await page.screenshot({ path: `${ARTIFACTS}card-${shot}.png` });
      await page.close();
    });
  }
});

describe('insert anywhere', () => {
  /** A plain local page with a textarea (the extension may script localhost, where its demo server runs). */
  let opened = 0;
  const notesUrl = () => `http://localhost:${server.port}/notes?page=${++opened}`;

  /** The menu click and the key press reach the background as these events; Chromium headless cannot show its menu. */
  async function trigger(page: Page, how: 'menu-story' | 'menu-question' | 'command'): Promise<void> {
    const tabUrl = page.url();
    await browser.worker.evaluate(
      async ({ how, tabUrl }) => {
        const [tab] = await chrome.tabs.query({ url: tabUrl });
        type Dispatchable = { dispatch: (...args: unknown[]) => void };
        if (how === 'command') (chrome.commands.onCommand as unknown as Dispatchable).dispatch('insert-question', tab);
        else {
          const menuItemId = how === 'menu-story' ? 'insert-story' : 'insert-question';
          (chrome.contextMenus.onClicked as unknown as Dispatchable).dispatch({ menuItemId, parentMenuItemId: 'customer-chair', editable: true, frameId: 0, pageUrl: tabUrl }, tab);
        }
      },
      { how, tabUrl },
    );
  }

  it('puts today’s story and question into a plain textarea on a local page, and counts them', async () => {
    const page = await browser.context.newPage();
    await page.goto(notesUrl());
    const notes = page.getByLabel('Meeting notes');
    await notes.focus();
    await trigger(page, 'menu-question');
    await expect.poll(() => notes.inputValue()).toBe(question.text);
    // insertText reads the field back a moment after the text shows; typing before that would be a change it did not make.
    await page.waitForTimeout(300);
    await notes.fill('');
    await notes.focus();
    await trigger(page, 'menu-story');
    await expect.poll(() => notes.inputValue()).toBe(storyAsText(story));
    await page.waitForTimeout(300);
    await notes.fill('Agenda: ');
    await notes.focus();
    await trigger(page, 'command');
    await expect.poll(() => notes.inputValue()).toBe(`Agenda: ${question.text}`);
    expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toContain('insertText');
    // The background counts an insert once the field has been read back, a moment after the text shows.
    await expect.poll(async () => (await syncNow(), surface('context-menu')), { timeout: 15_000 }).toMatchObject({ storiesInserted: 1, promptsInserted: 2 });
    await page.close();
  });

  it('puts the story into a CKEditor 5 field (context menu) and the question into a TipTap field (keyboard command), into their models, once', async () => {
    await syncNow();
    const before = await surface('context-menu');
    const page = await browser.context.newPage();
    await page.goto(`http://localhost:${server.port}/editors?page=${++opened}`);
    await editorReady(page, 'ckeditor');
    await editorReady(page, 'tiptap');
    await page.locator('.ck-editor__editable').click();
    await trigger(page, 'menu-story');
    await expect.poll(async () => fold(await modelText(page, 'ckeditor'))).toBe(fold(storyAsText(story)));
    await page.locator('.tiptap').click();
    await trigger(page, 'command');
    await expect.poll(async () => fold(await modelText(page, 'tiptap'))).toBe(fold(question.text));
    await page.waitForTimeout(300);
    expect(timesIn(await modelText(page, 'ckeditor'), storyAsText(story))).toBe(1);
    expect(fold(await modelText(page, 'tiptap'))).toBe(fold(question.text));
    await page.screenshot({ path: `${ARTIFACTS}insert-anywhere-editors.png` });
    await page.close();
    await expect
      .poll(async () => (await syncNow(), surface('context-menu')), { timeout: 15_000 })
      .toMatchObject({ storiesInserted: before.storiesInserted + 1, promptsInserted: before.promptsInserted + 1 });
  });

  it('copies the question when the focused editor takes nothing, says so, and counts nothing', async () => {
    await syncNow();
    const before = await surface('context-menu');
    const page = await browser.context.newPage();
    const url = `http://localhost:${server.port}/refusing?page=${++opened}`;
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    await page.goto(url);
    await editorReady(page);
    await page.getByRole('textbox', { name: 'Send a message' }).click();
    await trigger(page, 'command');
    await page.getByText('Customer Chair: this field did not take the question. It is copied: press Ctrl+V to paste it.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(question.text);
    expect(await modelText(page)).toBe('');
    await page.close();
    await syncNow();
    expect(await surface('context-menu')).toMatchObject({ storiesInserted: before.storiesInserted, promptsInserted: before.promptsInserted });
  });

  it('says what to do when no text field has the focus, and inserts nothing', async () => {
    const page = await browser.context.newPage();
    await page.goto(notesUrl());
    await page.getByRole('button', { name: 'Save notes' }).focus();
    await trigger(page, 'command');
    await page.getByText('Customer Chair: click into a text field first, then try again.').waitFor();
    expect(await page.getByLabel('Meeting notes').inputValue()).toBe('');
    await page.close();
  });
});
