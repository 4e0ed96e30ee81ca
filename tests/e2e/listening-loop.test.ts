import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentBundle } from '../../shared/src/schemas/content-bundle';
import type { Schedule } from '../../shared/src/schemas/schedule';
import type { StoryRecord } from '../../shared/src/schemas/story-record';
import type { ValidationFigures } from '../../shared/src/schemas/validation';
import type { VoiceInbox } from '../../shared/src/schemas/voice';
import { buildDashboard } from '../support/build-dashboard';
import { buildExtension } from '../support/build-extension';
import { adminCall } from '../support/judging-dashboard';
import { launchExtension, type ExtensionBrowser } from '../support/launch-extension';
import { setUpExtension } from '../support/set-up-extension';
import { startServer, type RunningServer } from '../support/start-server';

/**
 * Listening, end to end, with nothing faked: the real server process
 * (SQLite, the real clock, MIN_GROUP_SIZE 3), the built extension in five
 * Chromium profiles — three in Manufacturing (k installs), two in Legal
 * (k - 1) — and the dashboard. Today's story credits Manufacturing.
 *
 * - Manufacturing's "I did this" and Legal's "Thank Manufacturing" show in
 *   Manufacturing's validation line after a sync; Legal never gets a line.
 * - A message from Legal is "a small department" in the inbox, which never
 *   names Legal.
 * - A customer voice from Manufacturing is adopted with a public reply: the
 *   reply card shows on every profile's new tab, and the sender's voice page
 *   shows the status and the reply. It becomes a draft story in one click.
 */
const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'cc-e2e-listening-'));
const databasePath = join(folder, 'cc.db');
const K = 3;
const STORY_ID = 'e2e-line-4-brackets';
const CUSTOMER_SAID = 'Kestrel’s buyer told me our delivery notes list part numbers their goods-in team cannot match to their orders.';
const LEGAL_IDEA = 'Put the three clauses customers ask about most on one page, in plain words, before the contract.';
const WE_DID = 'Delivery notes now print the customer’s own order line next to each part number, from this week.';

type Install = { name: string; department: 'manufacturing' | 'legal'; browser: ExtensionBrowser };

let server: RunningServer;
let today: string;
const installs: Install[] = [];
const pageErrors: string[] = [];
let dash: Page;

const call = <T>(method: string, path: string, body?: unknown) => adminCall<T>(server, method, path, body);
const install = (name: string) => installs.find((i) => i.name === name)!;

async function newPage(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 1000 });
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

async function openNewTab(who: Install): Promise<Page> {
  const page = await newPage(who.browser);
  await page.goto(`chrome-extension://${who.browser.extensionId}/newtab.html`);
  await page.locator('.story').first().waitFor();
  return page;
}

/** The options page's "Sync now": the queued events go first, then the content and the validation figures. */
async function syncNow(who: Install) {
  const options = await newPage(who.browser);
  await options.goto(`chrome-extension://${who.browser.extensionId}/options.html`);
  await options.getByRole('button', { name: 'Sync now' }).click();
  await options.locator('.message', { hasText: /^Synced/ }).waitFor();
  await options.close();
}

async function validationText(page: Page): Promise<string | null> {
  const line = page.locator('section.validation');
  return (await line.count()) ? line.innerText() : null;
}

async function signIn() {
  await dash.context().clearCookies();
  await dash.goto('about:blank');
  await dash.goto(`${server.url}/#/voice`);
  await dash.getByLabel('Admin token').fill(server.adminToken);
  await dash.getByRole('button', { name: 'Sign in' }).click();
  await dash.getByRole('heading', { name: 'Voice', level: 1 }).waitFor();
}

/** A message's card in the inbox, found by its text. */
const messageCard = (text: string) => dash.locator('article.voice-message').filter({ hasText: text });

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  buildExtension();
  buildDashboard();
  server = await startServer({ databasePath, env: { MIN_GROUP_SIZE: String(K) } });
  ({ today } = await call<Schedule>('GET', '/api/v1/admin/schedule'));
  await call<StoryRecord>('POST', '/api/v1/admin/stories', {
    id: STORY_ID,
    title: 'Brackets in 5 hours instead of 5 days',
    customer: 'Kestrel Aerospace — purchasing lead',
    body: 'A quick-change fixture lets small orders run between large batches without re-tooling.',
    credits: ['manufacturing'],
  });
  await call('PUT', `/api/v1/admin/schedule/${today}`, { storyId: STORY_ID });
  // Five browsers, one after another (each its own profile: its own install id).
  for (const [name, department] of [
    ['M1', 'manufacturing'],
    ['M2', 'manufacturing'],
    ['M3', 'manufacturing'],
    ['L1', 'legal'],
    ['L2', 'legal'],
  ] as const) {
    const browser = await launchExtension();
    installs.push({ name, department, browser });
    await setUpExtension(browser, { serverUrl: server.url, department, role: department, sync: true });
  }
  dash = await installs[0]!.browser.context.newPage();
  await dash.setViewportSize({ width: 1200, height: 1000 });
}, 240_000);

afterAll(async () => {
  for (const each of installs) await each.browser.dispose();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('listening, end to end (five profiles)', () => {
  it('1. Manufacturing (k installs) sees its own "I did this" and the thanks from Legal in its validation line after a sync', async () => {
    // Every profile opens a new tab today: all five installs are active.
    for (const each of installs) {
      const page = await openNewTab(each);
      expect(await page.locator('.story h1, .story h2').first().innerText()).toContain('Brackets in 5 hours');
      if (each.name === 'M1') await page.getByRole('button', { name: /^I did this: / }).first().click();
      if (each.name === 'L1') {
        await page.getByRole('button', { name: 'Thank Manufacturing' }).click();
        await page.getByRole('button', { name: /Thanked Manufacturing/ }).waitFor();
        expect(await page.getByRole('button', { name: /Thanked Manufacturing/ }).isDisabled()).toBe(true);
      }
      if (each.department === 'manufacturing') {
        // One's own department is never offered a thanks.
        expect(await page.getByRole('button', { name: /Thank/ }).count()).toBe(0);
      }
      await page.close();
      await syncNow(each);
    }
    // The thanks is given once per story and department: a new tab in L1 shows it given, on the popup too.
    const again = await openNewTab(install('L1'));
    expect(await again.getByRole('button', { name: /Thanked Manufacturing/ }).isDisabled()).toBe(true);
    await again.close();

    const figures = await (await fetch(`${server.url}/api/v1/validation?department=manufacturing`)).json() as ValidationFigures;
    expect(figures.thisWeek?.actions).toBe(1);
    expect(figures.thisMonth?.thanks).toBe(1);

    await syncNow(install('M2'));
    const page = await openNewTab(install('M2'));
    await expect.poll(() => validationText(page)).toContain('This week Manufacturing logged 1 customer action');
    expect(await validationText(page)).toContain('Colleagues thanked Manufacturing once for customer work this month.');
    await page.screenshot({ path: `${ARTIFACTS}listening-validation-line.png`, fullPage: true });
    await page.close();
  });

  it('2. Legal (k - 1 installs) never sees a validation line, even with its own actions', async () => {
    const l2 = await openNewTab(install('L2'));
    await l2.getByRole('button', { name: /^I did this: / }).first().click();
    await l2.close();
    await syncNow(install('L2'));
    await syncNow(install('L1'));
    const figures = await (await fetch(`${server.url}/api/v1/validation?department=legal`)).json() as ValidationFigures;
    expect(figures).toMatchObject({ thisWeek: null, lastWeek: null, thisMonth: null });
    for (const name of ['L1', 'L2']) {
      const page = await openNewTab(install(name));
      await page.locator('section.actions').waitFor();
      expect(await validationText(page)).toBeNull();
      expect(await page.locator('body').innerText()).not.toMatch(/ logged |Colleagues thanked/i);
      await page.close();
    }
  });

  it('3. a voice message from Legal reaches the inbox as "a small department", and Legal is never named there', async () => {
    const voice = await newPage(install('L1').browser);
    await voice.goto(`chrome-extension://${install('L1').browser.extensionId}/voice.html`);
    await voice.getByRole('radio', { name: 'An idea for our customers' }).check();
    await voice.getByLabel('What you want to tell the CX team').fill(LEGAL_IDEA);
    await voice.getByRole('button', { name: 'Send' }).click();
    await voice.getByText(/^Sent\. Your receipt is kept in this browser/).waitFor();
    await voice.close();

    await signIn();
    const card = messageCard(LEGAL_IDEA);
    await card.waitFor();
    expect(await card.innerText()).toMatch(/a small department/i);
    expect(await dash.locator('main').innerText()).not.toContain('Legal');
    const departments = await dash.getByLabel('Department').locator('option').allInnerTexts();
    expect(departments).not.toContain('Legal');
    const inbox = await call<VoiceInbox>('GET', '/api/v1/admin/voice');
    expect(JSON.stringify(inbox)).not.toMatch(/legal/i);
  });

  it('4. a customer voice is adopted with a public reply: the card is on every new tab, and the sender sees the status and the reply', async () => {
    const m1 = install('M1');
    const voice = await newPage(m1.browser);
    await voice.goto(`chrome-extension://${m1.browser.extensionId}/voice.html`);
    await voice.getByRole('radio', { name: 'What did a customer tell you?' }).check();
    await voice.getByLabel('What you want to tell the CX team').fill(CUSTOMER_SAID);
    await voice.getByText('Sent with your department:').waitFor();
    await voice.getByRole('button', { name: 'Send' }).click();
    await voice.getByText(/^Sent\. Your receipt is kept in this browser/).waitFor();
    await expect.poll(() => voice.getByTestId('voice-status').first().innerText()).toBe('New');
    await voice.screenshot({ path: `${ARTIFACTS}listening-voice-sent.png`, fullPage: true });

    await signIn();
    const card = messageCard(CUSTOMER_SAID);
    await card.waitFor();
    expect(await card.innerText()).toContain('Manufacturing');
    await card.getByRole('button', { name: 'Reply in public (You said, we did)' }).click();
    const form = card.getByRole('form', { name: 'Answer this message' });
    await form.getByLabel('Status').selectOption('adopted');
    const replyOn = form.getByRole('checkbox', { name: /Reply in public/ });
    if (!(await replyOn.isChecked())) await replyOn.check();
    await form.getByRole('textbox', { name: 'You said' }).fill('Our delivery notes list part numbers your goods-in team cannot match to your orders.');
    await form.getByRole('textbox', { name: 'We did' }).fill(WE_DID);
    await form.getByLabel(/Show on every new tab for/).fill('7');
    await form.getByRole('button', { name: 'Save' }).click();
    await card.getByText(/Public reply · on every new tab/).waitFor();
    await dash.screenshot({ path: `${ARTIFACTS}listening-inbox-replied.png`, fullPage: true });

    // Every profile, after its next sync, shows the card.
    for (const each of installs) {
      await syncNow(each);
      const page = await openNewTab(each);
      const reply = page.getByRole('article', { name: 'You said, we did' });
      await reply.waitFor();
      expect(await reply.innerText()).toContain(WE_DID);
      if (each.name === 'M3') await page.screenshot({ path: `${ARTIFACTS}listening-reply-card.png`, fullPage: true });
      await page.close();
    }
    const bundle = (await (await fetch(`${server.url}/api/v1/content`)).json()) as ContentBundle;
    expect(bundle.voiceCards).toEqual([expect.objectContaining({ kind: 'reply', did: WE_DID, from: today })]);

    // The sender's browser, with its receipt, sees the status and the reply.
    await voice.reload();
    await expect.poll(() => voice.getByTestId('voice-status').first().innerText()).toBe('Adopted');
    expect(await voice.locator('.my-voice').innerText()).toContain(`We did: ${WE_DID}`);
    await voice.screenshot({ path: `${ARTIFACTS}listening-voice-adopted.png`, fullPage: true });
    await voice.close();
  });

  it('5. the customer voice becomes a draft story in one click, opened in the story editor', async () => {
    const card = messageCard(CUSTOMER_SAID);
    await card.getByRole('button', { name: 'Make a draft story' }).click();
    const open = card.getByRole('link', { name: 'Open the draft story' });
    await open.waitFor();
    await open.click();
    await dash.locator('textarea#body').waitFor();
    expect(await dash.locator('textarea#body').inputValue()).toContain(CUSTOMER_SAID);
    const inbox = await call<VoiceInbox>('GET', '/api/v1/admin/voice?kind=customer_said');
    const storyId = inbox.messages.find((m) => m.text === CUSTOMER_SAID)!.storyId!;
    const story = await call<StoryRecord>('GET', `/api/v1/admin/stories/${storyId}`);
    expect(story).toMatchObject({ archived: true, body: CUSTOMER_SAID });
    // A draft is on no one's new tab.
    const bundle = (await (await fetch(`${server.url}/api/v1/content`)).json()) as ContentBundle;
    expect(bundle.stories.find((s) => s.id === storyId)?.archived ?? true).toBe(true);
  });

  it('no page threw', () => {
    expect(pageErrors).toEqual([]);
  });
});
