import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../shared/src/domain/local-day';
import { pickPrompt } from '../../shared/src/domain/pick-prompt';
import type { ContentBundle } from '../../shared/src/schemas/content-bundle';
import { buildDashboard } from '../support/build-dashboard';
import { buildExtension } from '../support/build-extension';
import { makeEvent } from '../support/make-event';
import { launchExtension, type ExtensionBrowser } from '../support/launch-extension';
import { setUpExtension } from '../support/set-up-extension';
import { serveFixtures } from '../support/serve-fixtures';
import { seedEvents } from '../support/seed-events';
import { startServer, type RunningServer } from '../support/start-server';

/**
 * A CX lead (or a stolen admin token) saves content full of markup. Wherever
 * the extension shows it — new tab, popup, the meeting card inside a
 * meeting site's page — it is text: shown literally, and nothing runs.
 */
const TITLE = `<img src=x onerror="window.__pwned='title'"> Hostile title`;
const CUSTOMER = `<b>ACME</b> & "Sons"`;
const QUOTE = `"><script>window.__pwned='quote'</script>`;
const BODY_FIRST = `<svg onload="window.__pwned='body'"></svg> first paragraph`;
const BODY_SECOND = `<a href="javascript:window.__pwned='link'">click</a>`;
const PROMPT = `<iframe srcdoc="<script>parent.__pwned='prompt'</script>"></iframe> Did customers ask?`;
const ACTION = `<img src=x onerror="window.__pwned='action'">Read one ticket`;
const DEPARTMENT = `<img src=x onerror="window.__pwned='department'"> Ops`;
const SHOWN = [TITLE, CUSTOMER, QUOTE, BODY_FIRST, BODY_SECOND, PROMPT, ACTION];

const folder = mkdtempSync(join(tmpdir(), 'cc-hostile-'));
const databasePath = join(folder, 'cc.db');
let server: RunningServer;
let browser: ExtensionBrowser;

async function admin(method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}/api/v1/admin${path}`, {
    method,
    headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
  return (await response.json()) as any;
}

/** Nothing ran, and no element that markup in the content would have made exists. */
async function expectInert(page: Page, root = 'document') {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  const made = await page.evaluate((where) => {
    const roots: (Document | ShadowRoot)[] = [document];
    if (where === 'card') roots.push(document.querySelector('customer-chair-card')!.shadowRoot!);
    return roots.flatMap((r) => [...r.querySelectorAll('img[src="x"], svg[onload], iframe[srcdoc], a[href^="javascript"], b')].map((e) => e.outerHTML));
  }, root);
  expect(made).toEqual([]);
}

beforeAll(async () => {
  buildExtension();
  buildDashboard();
  server = await startServer({ databasePath, env: { MIN_GROUP_SIZE: '1' } });
  const story = await admin('POST', '/stories', { title: TITLE, customer: CUSTOMER, quote: QUOTE, body: `${BODY_FIRST}\n\n${BODY_SECOND}`, tags: ['x'] });
  const bundle = (await (await fetch(`${server.url}/api/v1/content`)).json()) as ContentBundle;
  await admin('PUT', `/schedule/${localDay(new Date(), bundle.timezone)}`, { storyId: story.id });
  // Today's question, on the new tab and in meetings, becomes the hostile one.
  const { prompts } = await admin('GET', '/prompts');
  for (const place of ['newtab', 'meeting'] as const) {
    const picked = pickPrompt(bundle, new Date(), place)!;
    const record = (await admin('GET', '/prompts')).prompts.find((p: { id: string }) => p.id === picked.id);
    await admin('PUT', `/prompts/${picked.id}`, { text: PROMPT, where: record.where, revision: record.revision });
  }
  expect(prompts.length).toBeGreaterThan(0);
  const sales = (await admin('GET', '/roles')).roles.find((r: { id: string }) => r.id === 'sales');
  await admin('PUT', '/roles/sales/actions', { actions: [{ text: ACTION }, { text: 'Call a customer.' }, { text: 'Ask why.' }], revision: sales.revision });

  browser = await launchExtension();
  await serveFixtures(browser.context);
  await setUpExtension(browser, { serverUrl: server.url, department: 'sales', role: 'sales', sync: true });
});

afterAll(async () => {
  await browser?.dispose();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('content with markup is inert everywhere it is shown', () => {
  it('new tab: shown literally, nothing runs', async () => {
    const page = await browser.context.newPage();
    await page.goto('chrome://newtab/');
    await expect.poll(() => page.locator('#story-title').textContent()).toBe(TITLE);
    const text = await page.locator('body').innerText();
    for (const shown of SHOWN) expect(text).toContain(shown);
    await expectInert(page);
    await page.close();
  });

  it('popup: shown literally, nothing runs', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await page.getByText(TITLE).waitFor();
    const text = await page.locator('body').innerText();
    for (const shown of [TITLE, PROMPT, ACTION]) expect(text).toContain(shown);
    await expectInert(page);
    await page.close();
  });

  it('meeting card inside a meeting page: shown literally, nothing runs in the page', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://meet.google.com/abc-defg-hij');
    const card = page.locator('customer-chair-card');
    await card.getByRole('region', { name: 'Customer chair' }).waitFor();
    await expect.poll(() => card.getByText(TITLE).count()).toBeGreaterThan(0);
    await expect.poll(() => card.getByText(PROMPT).count()).toBeGreaterThan(0);
    await expectInert(page, 'card');
    await page.close();
  });

  it('dashboard: a department name and story title with markup are shown literally, nothing runs', async () => {
    const department = await admin('POST', '/departments', { name: DEPARTMENT, headcount: 10 });
    const storyId = (await admin('GET', '/stories')).stories.find((s: { title: string }) => s.title === TITLE).id;
    // A week ago, received then: last week has finished, and the dashboard shows whole, finished weeks only.
    const at = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const events = [makeEvent({ at, department: department.id, role: 'sales', type: 'story_viewed', storyId })];
    expect(seedEvents(databasePath, events)).toBe(1);

    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.getByLabel('Admin token').fill(server.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(DEPARTMENT).first().waitFor();
    await expectInert(page);
    await page.getByText(DEPARTMENT).first().click();
    await expect.poll(() => page.getByText(TITLE).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expectInert(page);
    await page.close();
  });
});
