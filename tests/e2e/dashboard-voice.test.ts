import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/src/auth/tokens';
import { insertAdminToken } from '../../server/src/storage/queries/insert-admin-token';
import { openDatabase } from '../../server/src/storage/sqlite/open-database';
import { sqliteStorage } from '../../server/src/storage/sqlite/sqlite-storage';
import { addDays } from '../../shared/src/domain/local-day';
import type { Schedule } from '../../shared/src/schemas/schedule';
import type { VoiceDraft, VoiceInbox, VoiceMessageRecord, VoiceReceipt } from '../../shared/src/schemas/voice';
import { buildDashboard } from '../support/build-dashboard';
import { adminCall } from '../support/judging-dashboard';
import { assertChromium } from '../support/launch-extension';
import { installIds, makeEvent } from '../support/make-event';
import { seedEvents as storeHistory } from '../support/seed-events';
import { startServer, type RunningServer } from '../support/start-server';

const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'cc-dashboard-voice-'));
const databasePath = join(folder, 'cc.db');
const VIEWER = 'vo-viewer-token-0123456789abcdefghij';
let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let today: string;
/** The messages sent, by what the test calls them. */
const sent: Record<'harbour' | 'window' | 'legal' | 'lesson', string> = { harbour: '', window: '', legal: '', lesson: '' };

const call = <T>(method: string, path: string, body?: unknown) => adminCall<T>(server, method, path, body);

/** What the extension's voice form sends (no enrollment key is set on this server). */
async function sendVoice(draft: Omit<VoiceDraft, 'senderKey'>): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/voice`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ senderKey: randomUUID(), ...draft }),
  });
  if (response.status !== 201) throw new Error(`POST /api/v1/voice: ${response.status} ${await response.text()}`);
  return ((await response.json()) as VoiceReceipt).messageId;
}

const message = async (id: string) => (await call<VoiceInbox>('GET', '/api/v1/admin/voice')).messages.find((m) => m.id === id)!;

/** Signs in afresh with `token` at `hash`. */
async function signInAs(token: string, hash: string) {
  await page.context().clearCookies();
  await page.goto('about:blank');
  await page.goto(`${server.url}/${hash}`);
  await page.getByLabel('Admin token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Dashboard' }).waitFor();
}

/** Opens the inbox afresh at `hash` (a change of hash alone would keep the page's open forms). */
async function openInbox(hash: string) {
  await page.goto('about:blank');
  await page.goto(`${server.url}/${hash}`);
}

/** The inbox's message (its article) whose text contains `text`. */
const card = (text: string) => page.locator('article.voice-message', { hasText: text });
const shownTexts = () => page.locator('article.voice-message .voice-text').allTextContents();

/** The page in both colour schemes, to look at. */
async function screenshot(name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: `${ARTIFACTS}dashboard-voice-${name}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  buildDashboard();
  // k = 2: support (3 installs) and engineering (2) are named; legal (1) is "a small department".
  server = await startServer({ databasePath, env: { MIN_GROUP_SIZE: '2' } });
  const storage = sqliteStorage(openDatabase(databasePath));
  try {
    await insertAdminToken(storage, 'Vi (viewer)', hashToken(VIEWER), new Date(), { role: 'viewer' });
  } finally {
    await storage.close();
  }
  ({ today } = await call<Schedule>('GET', '/api/v1/admin/schedule'));
  const events = [
    ...installIds(3).map((installId) => makeEvent({ installId, department: 'support', role: 'support', at: new Date().toISOString(), type: 'story_viewed', storyId: 'night-shift-login' })),
    ...installIds(2).map((installId) => makeEvent({ installId, department: 'engineering', role: 'engineering', at: new Date().toISOString() })),
    ...installIds(1).map((installId) => makeEvent({ installId, department: 'legal', role: 'legal', at: new Date().toISOString(), type: 'story_viewed', storyId: 'night-shift-login' })),
  ];
  const ingest = await fetch(`${server.url}/api/v1/events`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ events }) });
  expect(ingest.ok, await ingest.text()).toBe(true);

  // Last week's history, so that the Adoption page has a whole week to show (with its Listening table).
  const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString();
  const history = [
    ...installIds(2).map((installId) => makeEvent({ installId, department: 'sales', role: 'sales', at: lastWeek })),
    ...installIds(2).map((installId) => makeEvent({ installId, department: 'engineering', role: 'engineering', at: lastWeek })),
    ...installIds(2).map((installId) => makeEvent({ installId, department: 'engineering', role: 'engineering', at: lastWeek, type: 'team_thanked', storyId: 'sales-said-no', thankedDepartment: 'sales' })),
  ];
  expect(storeHistory(databasePath, history)).toBe(history.length);

  sent.harbour = await sendVoice({ kind: 'customer_said', department: 'support', text: 'A customer at Harbour Bank told me the refund form asks for the order number twice.\nShe gave up and phoned us instead.' });
  sent.window = await sendVoice({ kind: 'idea', department: 'engineering', text: 'Show the delivery window on the order confirmation e-mail, not only in the app.' });
  sent.legal = await sendVoice({ kind: 'idea', department: 'legal', text: 'Write every contract summary in plain words <b>first</b>.' });
  sent.lesson = await sendVoice({ kind: 'lesson', department: 'support', text: 'We closed tickets automatically after 3 days without an answer; customers reopened half of them.' });

  browser = await chromium.launch({
    executablePath: assertChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('the Voice inbox in the dashboard', () => {
  it('a CX lead filters the inbox by status, kind and department, the filters live in the address, and a small department is never named', async () => {
    await signInAs(server.adminToken, '#/voice');
    await page.getByRole('heading', { name: 'Voice', level: 1 }).waitFor();
    await card('Harbour Bank').waitFor();
    const status = page.getByRole('group', { name: 'Messages by status' });
    expect(await status.getByRole('button', { name: /^New/ }).textContent()).toBe('New 4');
    expect(await status.getByRole('button', { name: /^New/ }).getAttribute('aria-pressed')).toBe('true');
    expect(await shownTexts()).toHaveLength(4);
    // Text stays text, line breaks kept.
    expect(await card('Harbour Bank').locator('.voice-text').innerText()).toBe('A customer at Harbour Bank told me the refund form asks for the order number twice.\nShe gave up and phoned us instead.');
    expect(await card('contract summary').locator('.voice-text').textContent()).toContain('<b>first</b>');
    expect(await card('contract summary').locator('.voice-text b').count()).toBe(0);

    await page.getByLabel('Kind').selectOption('idea');
    await page.waitForFunction(() => document.querySelectorAll('article.voice-message').length === 2);
    expect(new URL(page.url()).hash).toBe('#/voice/status=new&kind=idea');
    // The legal idea comes from a department with fewer than k installs: "a small department", with why.
    const legal = card('contract summary');
    expect(await legal.locator('.voice-meta').textContent()).toMatch(/^From a small department/);
    await legal.locator('.small-department').hover();
    expect(await legal.getByRole('tooltip').textContent()).toBe('Fewer than 2 people use Customer Chair there, so the department is not named');
    await screenshot('small-department');
    expect(await page.locator('main').textContent()).not.toMatch(/legal/i);
    expect(await page.getByLabel('Department').locator('option').allTextContents()).toEqual(['All departments', 'Customer Support', 'Engineering', 'Sales', 'A small department']);

    await page.getByLabel('Department').selectOption('engineering');
    await page.waitForFunction(() => document.querySelectorAll('article.voice-message').length === 1);
    expect(await shownTexts()).toEqual(['Show the delivery window on the order confirmation e-mail, not only in the app.']);
    // A link opens the same view.
    await openInbox('#/voice/status=new&kind=idea&department=small');
    await card('contract summary').waitFor();
    expect(await shownTexts()).toEqual(['Write every contract summary in plain words <b>first</b>.']);
    expect(await page.getByLabel('Kind').inputValue()).toBe('idea');
    expect(await page.getByLabel('Department').inputValue()).toBe('small');
    expect(pageErrors).toEqual([]);
  });

  it('marks an idea adopted with a public reply shown for 5 days; the API then has it adopted, with the reply', async () => {
    await openInbox('#/voice/status=new&kind=idea&department=engineering');
    const idea = card('delivery window');
    await idea.waitFor();
    await idea.getByRole('button', { name: 'Reply in public (You said, we did)' }).click();
    const form = idea.getByRole('form', { name: 'Answer this message' });
    await form.getByLabel('Status', { exact: true }).selectOption('adopted');
    // "You said" is the message, ready to edit.
    expect(await form.getByLabel('You said', { exact: true }).inputValue()).toBe('Show the delivery window on the order confirmation e-mail, not only in the app.');
    await form.getByLabel('We did', { exact: true }).fill('Order confirmations show the delivery window since Monday.');
    await form.getByLabel(/Show on every new tab for/).fill('5');
    await screenshot('reply-form');
    await form.getByRole('button', { name: 'Save' }).click();
    await idea.getByRole('status').filter({ hasText: 'Saved: adopted.' }).waitFor();
    expect(await idea.locator('.voice-status').textContent()).toBe('Adopted');
    expect(await idea.locator('.voice-card').textContent()).toContain('Order confirmations show the delivery window since Monday.');
    // It stays in view, saying where it went; the tabs count it there.
    expect(await idea.locator('.voice-meta').textContent()).toContain('now under “Adopted”');
    expect(await page.getByRole('group', { name: 'Messages by status' }).getByRole('button', { name: /^Adopted/ }).textContent()).toBe('Adopted 1');

    const stored = await message(sent.window);
    expect(stored.status).toBe('adopted');
    expect(stored.reply).toEqual({ said: 'Show the delivery window on the order confirmation e-mail, not only in the app.', did: 'Order confirmations show the delivery window since Monday.', from: today, until: addDays(today, 4) });
  });

  it('“not adopted” without a reason shows the server’s error beside “Why not?”, and nothing is saved', async () => {
    await openInbox('#/voice/status=new&kind=lesson');
    const lesson = card('closed tickets automatically');
    await lesson.waitFor();
    await lesson.getByRole('button', { name: 'Change status' }).click();
    const form = lesson.getByRole('form', { name: 'Answer this message' });
    await form.getByLabel('Status', { exact: true }).selectOption('not_adopted');
    await form.getByRole('button', { name: 'Save' }).click();
    const why = form.getByLabel('Why not?');
    const whyError = form.locator('.field:has(textarea[id$="-reason"]) .error');
    await whyError.waitFor();
    expect(await whyError.textContent()).toMatch(/required when a suggestion is not adopted/);
    expect(await why.getAttribute('aria-describedby')).toContain(await whyError.getAttribute('id'));
    expect(await why.getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByRole('alert').textContent()).toMatch(/Nothing was saved/);
    expect((await message(sent.lesson)).status).toBe('new');

    await why.fill('Customers need an answer from a person; we now send a reminder after 3 days instead.');
    await form.getByRole('button', { name: 'Save' }).click();
    await lesson.getByRole('status').filter({ hasText: 'Saved: not adopted.' }).waitFor();
    expect(await lesson.locator('.voice-reason').textContent()).toBe('Why not: Customers need an answer from a person; we now send a reminder after 3 days instead.');
  });

  it('someone else’s change in between: the page shows the current version and says so, and saving again applies the answer', async () => {
    await openInbox('#/voice/status=all&kind=lesson');
    const lesson = card('closed tickets automatically');
    await lesson.waitFor();
    await lesson.getByRole('button', { name: 'Change status' }).click();
    const form = lesson.getByRole('form', { name: 'Answer this message' });
    await form.getByLabel('Status', { exact: true }).selectOption('under_review');
    const before = await message(sent.lesson);
    await call<VoiceMessageRecord>('PUT', `/api/v1/admin/voice/${sent.lesson}`, { revision: before.revision, status: 'adopted' });
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('alert').filter({ hasText: 'Someone else changed this message' }).waitFor();
    // Their version is on the card; what was chosen is still in the form.
    expect(await lesson.locator('.voice-status').textContent()).toBe('Adopted');
    expect(await form.getByLabel('Status', { exact: true }).inputValue()).toBe('under_review');
    await form.getByRole('button', { name: 'Save' }).click();
    await lesson.getByRole('status').filter({ hasText: 'Saved: under review.' }).waitFor();
    expect((await message(sent.lesson)).status).toBe('under_review');
  });

  it('a customer voice becomes a draft story that opens in the story editor', async () => {
    await openInbox('#/voice/status=new&kind=customer_said');
    const harbour = card('Harbour Bank');
    await harbour.waitFor();
    await harbour.getByRole('button', { name: 'Make a draft story' }).click();
    const open = harbour.getByRole('link', { name: 'Open the draft story' });
    await open.waitFor();
    const { storyId } = await message(sent.harbour);
    expect(storyId).toBeTruthy();
    expect(await open.getAttribute('href')).toBe(`#/stories/${storyId}`);
    // Reloaded, the link is still there instead of the button.
    await page.reload();
    await card('Harbour Bank').getByRole('link', { name: 'Open the draft story' }).click();
    expect(new URL(page.url()).hash).toBe(`#/stories/${storyId}`);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Archived' }).waitFor();
    expect(await page.getByLabel('Title').inputValue()).toMatch(/^A customer at Harbour Bank told me/);
    expect(pageErrors).toEqual([]);
  });

  it('a viewer has no Voice page (not in the navigation, its address opens Adoption) and reads the Listening table there', async () => {
    await signInAs(VIEWER, '#/voice/status=all');
    const nav = page.getByRole('navigation', { name: 'Dashboard' });
    expect(await nav.getByRole('link').allTextContents()).not.toContain('Voice');
    expect(await nav.getByRole('link', { name: 'Adoption' }).getAttribute('aria-current')).toBe('page');
    expect(await page.locator('article.voice-message').count()).toBe(0);
    // The viewer reads Listening on the Adoption page: the departments' thanks and voice, small ones only together.
    const listening = page.getByRole('region', { name: 'Listening: thanks and voice by department' });
    await listening.getByRole('table').waitFor();
    expect(await listening.locator('thead th').allTextContents()).toEqual(['Department', 'Thanks received', 'Customer voice', 'Ideas', 'Lessons']);
    expect(await listening.locator('tbody tr').first().locator('th').textContent()).toBe('Whole company');
    expect(await listening.locator('tbody tr').first().locator('td').first().textContent()).toBe('2');
    expect(await listening.getByTestId('listening-note').textContent()).toMatch(/^Departments with fewer than 2 active installs are counted only together\./);
    await screenshot('listening');
    const refused = await fetch(`${server.url}/api/v1/admin/voice`, { headers: { Authorization: `Bearer ${VIEWER}` } });
    expect(refused.status).toBe(403);
  });
});
