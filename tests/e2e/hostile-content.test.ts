import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickPrompt } from '../../shared/src/domain/pick-prompt';
import type { ContentBundle } from '../../shared/src/schemas/content-bundle';
import type { PromptList } from '../../shared/src/schemas/prompt-record';
import type { Schedule } from '../../shared/src/schemas/schedule';
import type { StoryRecord } from '../../shared/src/schemas/story-record';
import { buildDashboard } from '../support/build-dashboard';
import { buildExtension } from '../support/build-extension';
import { launchExtension, type ExtensionBrowser } from '../support/launch-extension';
import { setUpExtension } from '../support/set-up-extension';
import { serveFixtures } from '../support/serve-fixtures';
import { startServer, type RunningServer } from '../support/start-server';

/**
 * Story and question text that would run script if any surface treated it as
 * HTML. Each surface must show it as the characters typed, and run nothing.
 */
const HOSTILE = {
  title: '<img src=x onerror="window.__pwned=1"> Night shift',
  customer: '<svg onload="window.__pwned=1"> Harbor & Co',
  quote: '<script>window.__pwned=1</script> It just works',
  body: '</textarea><b>bold</b> and <i>italic</i>\n\n<img src=x onerror="window.__pwned=1;alert(1)">',
  impact: '<a href="javascript:window.__pwned=1">click</a>',
  prompt: '<script>window.__pwned=1</script> Did customers ask? <img src=x onerror="alert(1)">',
};

const folder = mkdtempSync(join(tmpdir(), 'cc-hostile-'));
let server: RunningServer;
let browser: ExtensionBrowser;
let storyId: string;
const dialogs: string[] = [];
const cspViolations: string[] = [];

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}/api/v1/admin${path}`, {
    method,
    headers: { Authorization: `Bearer ${server.adminToken}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBe(200);
  return (await response.json()) as T;
}

/** A page that records dialogs and CSP refusals; nothing in this file should cause either. */
async function newPage(): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && cspViolations.push(m.text()));
  return page;
}

/** No script of the content ran, and no element was made from its markup (shadow roots included). */
async function expectInert(page: Page, where: string) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), where).toBeUndefined();
  const made = await page.evaluate(() => {
    const found: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('img[src="x"], svg[onload], script:not([src]), b, i, a[href^="javascript:"]')) found.push(el.outerHTML);
      for (const host of root.querySelectorAll('*')) if (host.shadowRoot) walk(host.shadowRoot);
    };
    walk(document);
    return found;
  });
  expect(made, where).toEqual([]);
}

beforeAll(async () => {
  buildDashboard();
  buildExtension();
  server = await startServer({ databasePath: join(folder, 'cc.db') });
  // Today's story and today's questions become the hostile ones (ids unchanged, so they stay today's).
  const today = (await admin<Schedule>('GET', '/schedule')).days[0]!;
  storyId = today.story!.id;
  const story = await admin<StoryRecord>('GET', `/stories/${storyId}`);
  const { title, customer, quote, body, impact } = HOSTILE;
  await admin('PUT', `/stories/${storyId}`, { title, customer, quote, body, impact, tags: story.tags, revision: story.revision });
  const bundle = (await (await fetch(`${server.url}/api/v1/content`)).json()) as ContentBundle;
  const shown = new Set([pickPrompt(bundle, new Date(), 'meeting')!.id, pickPrompt(bundle, new Date(), 'newtab')!.id]);
  for (const prompt of (await admin<PromptList>('GET', '/prompts')).prompts.filter((p) => shown.has(p.id))) {
    await admin('PUT', `/prompts/${prompt.id}`, { text: HOSTILE.prompt, where: prompt.where, revision: prompt.revision });
  }

  browser = await launchExtension();
  await serveFixtures(browser.context);
  await setUpExtension(browser, { serverUrl: server.url, department: 'sales', role: 'sales', sync: true }, newPage);
});

afterAll(async () => {
  await browser?.dispose();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('markup in stories and questions is shown as text everywhere, and never runs', () => {
  it('the new tab', async () => {
    const page = await newPage();
    await page.goto('chrome://newtab/');
    await expect.poll(() => page.locator('#story-title').textContent()).toBe(HOSTILE.title);
    expect(await page.locator('.customer').first().textContent()).toBe(HOSTILE.customer);
    expect(await page.locator('.quote').textContent()).toBe(HOSTILE.quote);
    expect(await page.locator('.body').allTextContents()).toEqual(HOSTILE.body.split('\n\n'));
    expect(await page.locator('.impact').textContent()).toContain(HOSTILE.impact);
    expect(await page.locator('body').textContent()).toContain(HOSTILE.prompt);
    await expectInert(page, 'new tab');
    await page.close();
  });

  it('the popup', async () => {
    const page = await newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await page.getByRole('button', { name: 'Copy question' }).waitFor();
    const text = await page.locator('body').textContent();
    expect(text).toContain(HOSTILE.title);
    expect(text).toContain(HOSTILE.quote);
    expect(await page.locator('.question-text').textContent()).toBe(HOSTILE.prompt);
    await expectInert(page, 'popup');
    await page.close();
  });

  it('the meeting card on Google Meet', async () => {
    const page = await newPage();
    await page.goto('https://meet.google.com/abc-defg-hij');
    const card = page.locator('customer-chair-card');
    await expect.poll(() => card.locator('.story-title').textContent()).toBe(HOSTILE.title);
    expect(await card.locator('.customer').textContent()).toBe(HOSTILE.customer);
    expect(await card.locator('.quote').textContent()).toBe(HOSTILE.quote);
    expect(await card.locator('.question-text').textContent()).toBe(HOSTILE.prompt);
    await expectInert(page, 'meeting card');
    await page.close();
  });

  it('the dashboard: story list, editor and its preview, schedule', async () => {
    const page = await newPage();
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(server.url);
    await page.getByLabel('Admin token').fill(server.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Dashboard' }).waitFor();

    await page.goto(`${server.url}/#/stories`);
    const link = page.locator('table.story-list a.story-title', { hasText: 'Night shift' });
    await expect.poll(() => link.textContent()).toBe(HOSTILE.title);
    expect(await page.locator('table.story-list').textContent()).toContain(HOSTILE.customer);
    await expectInert(page, 'story list');

    await link.click();
    await expect.poll(() => page.locator('#body').inputValue()).toBe(HOSTILE.body);
    expect(await page.locator('#title').inputValue()).toBe(HOSTILE.title);
    const preview = page.getByTestId('preview-newtab');
    expect(await preview.locator('.nt-title').textContent()).toBe(HOSTILE.title);
    expect(await preview.locator('.nt-quote').textContent()).toBe(HOSTILE.quote);
    expect(await preview.locator('.nt-body').allTextContents()).toEqual(HOSTILE.body.split('\n\n'));
    expect(await page.getByTestId('preview-card').locator('.card-title').textContent()).toBe(HOSTILE.title);
    await expect.poll(() => page.getByTestId('preview-card').textContent()).toContain(HOSTILE.prompt);
    expect(await page.getByTestId('preview-chat').textContent()).toContain(HOSTILE.title);
    // Typing more markup into the editor updates the preview as text too.
    await page.locator('#body').fill(`${HOSTILE.body}\n\n<iframe src="javascript:window.__pwned=1"></iframe>`);
    await expect.poll(() => preview.locator('.nt-body').last().textContent()).toBe('<iframe src="javascript:window.__pwned=1"></iframe>');
    expect(await page.locator('iframe').count()).toBe(0);
    await expectInert(page, 'story editor');

    await page.goto(`${server.url}/#/schedule`);
    const todayCell = page.locator('td.today .day-story');
    await expect.poll(() => todayCell.textContent()).toBe(HOSTILE.title);
    await expectInert(page, 'schedule');
    await page.close();
  });

  it('raised no dialog and no Content Security Policy refusal anywhere', () => {
    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
