import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeptEntry } from '../../extension/lib/recognition-storage';
import { buildExtension } from '../support/build-extension';
import { launchExtension, type ExtensionBrowser } from '../support/launch-extension';
import { setUpExtension } from '../support/set-up-extension';
import { startServer, type RunningServer } from '../support/start-server';

// What the service worker's evaluate() reaches: the extension's own storage.
declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'cc-e2e-nominate-'));
let server: RunningServer;
let browser: ExtensionBrowser;
/** Script errors and CSP violations on the nomination page: there must be none. */
const problems: string[] = [];

/** The nomination page in a new tab, reached as an employee would: from the link on the new tab. */
async function openFromNewTab(options: { screenshot?: string } = {}): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`)),
  );
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto('chrome://newtab/');
  const link = page.getByRole('link', { name: 'Nominate your team’s customer win' });
  await link.waitFor();
  if (options.screenshot) await page.screenshot({ path: options.screenshot, fullPage: true });
  await link.click();
  await page.waitForURL(`chrome-extension://${browser.extensionId}/nominate.html`);
  await page.getByRole('heading', { name: 'Nominate your team’s customer win' }).waitFor();
  return page;
}

/** The self-check of one criterion: its status and, when given, a note. */
async function selfCheck(page: Page, criterion: string, status: 'Met' | 'Partly' | 'Not yet', note?: string) {
  const item = page.locator('.criterion-check').filter({ has: page.getByRole('radiogroup', { name: new RegExp(`^${criterion}`) }) });
  await item.getByRole('radio', { name: status, exact: true }).check();
  if (note) await item.getByLabel('Note').fill(note);
}

const keptEntries = () => browser.worker.evaluate(async () => ((await chrome.storage.local.get('keptEntries')) as { keptEntries?: KeptEntry[] }).keptEntries ?? []);

beforeAll(async () => {
  buildExtension();
  // A new database: the server seeds its demo content, whose recognition round is open today.
  server = await startServer({ databasePath: join(folder, 'cc.db'), env: { MIN_GROUP_SIZE: '1' } });
  browser = await launchExtension();
  await setUpExtension(browser, { serverUrl: server.url, department: 'manufacturing', role: 'manufacturing', sync: true });
});

afterAll(async () => {
  await browser?.dispose();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('an employee nominates their team’s customer win from the extension', () => {
  it('drafts the entry with its self-check; the draft outlives closing the page', async () => {
    const page = await openFromNewTab({ screenshot: `${ARTIFACTS}newtab-nominate-link.png` });
    // The demo round's categories, each with its criteria and the evidence that counts.
    await page.getByRole('radio', { name: 'Faster for the customer' }).waitFor();
    expect(await page.locator('.category-name').allTextContents()).toEqual(['Faster for the customer', 'Fewer customer problems', 'Customer savings']);
    await expect.poll(() => page.getByText(/Name a team, never a person/).isVisible()).toBe(true);
    expect(await page.getByLabel('Department').inputValue()).toBe('manufacturing');

    await page.getByLabel('Team name').fill('Line 4 maintenance crew');
    await page.getByRole('radio', { name: 'Faster for the customer' }).check();
    await page.getByLabel('Customer', { exact: true }).fill('Kestrel Aerospace — purchasing lead');
    await page.getByLabel('Before', { exact: true }).fill('A replacement bracket took 5 days from order to dispatch: the line was re-tooled for every small order.');
    await page.getByLabel('After', { exact: true }).fill('5 hours from order to dispatch: a 10X reduction in lead time.');
    await page.getByLabel('The method others can reuse').fill('A quick-change fixture lets small orders run between large batches without re-tooling; the settings for each bracket are on a card at the machine.');
    await page.getByLabel('Quote').fill('We now get brackets the same day we order them.');
    await page.getByLabel('Source').fill('Kestrel’s purchasing lead, quarterly review');
    await selfCheck(page, 'How much less the customer waits', 'Met', 'Lead time measured on 30 orders before and 30 after.');
    await selfCheck(page, 'A method other teams can reuse', 'Partly', 'The fixture drawing is not written up yet.');
    await selfCheck(page, 'The customer noticed', 'Not yet');

    const progress = page.getByTestId('self-check-progress');
    await expect.poll(() => progress.textContent()).toContain('1 met, 1 partly, 1 not yet — of 3 criteria.');
    await page.getByText('Draft saved in this browser').waitFor();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: `${ARTIFACTS}nominate-form.png`, fullPage: true });
    await page.locator('.self-check').screenshot({ path: `${ARTIFACTS}nominate-self-check.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${ARTIFACTS}nominate-form-dark.png`, fullPage: true });
    await page.close();

    const again = await openFromNewTab();
    await expect.poll(() => again.getByLabel('Team name').inputValue()).toBe('Line 4 maintenance crew');
    expect(await again.getByLabel('After', { exact: true }).inputValue()).toBe('5 hours from order to dispatch: a 10X reduction in lead time.');
    expect(await again.getByRole('radio', { name: 'Faster for the customer' }).isChecked()).toBe(true);
    expect(await again.locator('input[name="check-reusable-method"][value="partly"]').isChecked()).toBe(true);
    expect(await again.getByTestId('self-check-progress').textContent()).toContain('1 met, 1 partly, 1 not yet');
    await again.close();
  });

  it('submits it and sees its status, "Submitted", from the receipt kept in the browser', async () => {
    const page = await openFromNewTab();
    await expect.poll(() => page.getByLabel('Team name').inputValue()).toBe('Line 4 maintenance crew');
    await page.getByRole('button', { name: 'Submit the entry' }).click();
    await page.getByText('Submitted: “Line 4 maintenance crew” is in').waitFor();
    const status = page.getByTestId('entry-status');
    await expect.poll(() => status.textContent()).toBe('Submitted');
    // The form is empty again, the department still the profile's; the draft is gone.
    expect(await page.getByLabel('Team name').inputValue()).toBe('');
    expect(await page.getByLabel('Department').inputValue()).toBe('manufacturing');
    expect(await browser.worker.evaluate(async () => (await chrome.storage.local.get('entryDraft')).entryDraft ?? null)).toBeNull();

    await page.emulateMedia({ colorScheme: 'light' });
    await page.locator('.my-entries').screenshot({ path: `${ARTIFACTS}nominate-entries.png` });
    await page.screenshot({ path: `${ARTIFACTS}nominate-submitted.png`, fullPage: true });

    // The receipt the extension kept opens the entry on the server; another does not.
    const [kept] = await keptEntries();
    expect(kept).toMatchObject({ roundName: expect.stringMatching(/^\d{4} Q[1-4]$/), teamName: 'Line 4 maintenance crew', categoryName: 'Faster for the customer' });
    const ask = (receipt: string) => fetch(`${server.url}/api/v1/recognition/entries/${kept!.entryId}`, { headers: { 'X-Entry-Receipt': receipt } });
    const answer = await ask(kept!.receipt);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ status: 'submitted', teamName: 'Line 4 maintenance crew', feedback: [] });
    expect((await ask(`${kept!.receipt.slice(0, -1)}${kept!.receipt.endsWith('A') ? 'B' : 'A'}`)).status).toBe(404);

    // Reopened later, the page asks again and still shows it.
    await page.close();
    const later = await openFromNewTab();
    await expect.poll(() => later.getByTestId('entry-status').textContent()).toBe('Submitted');
    await later.close();
    expect(problems).toEqual([]);
  });

  it('keeps the draft while the server cannot be reached, says so on Submit, and submits once it is back', async () => {
    await server.stop();
    const page = await openFromNewTab();
    // The rounds from the last visit: the form can still be filled in.
    await page.getByText(/Cannot reach the server at .*Showing the rounds as of/).waitFor();
    await page.getByLabel('Team name').fill('Returns desk, Lyon');
    await page.getByRole('radio', { name: 'Customer savings' }).check();
    await page.getByLabel('Customer', { exact: true }).fill('Orchard Grocers');
    await page.getByLabel('Before', { exact: true }).fill('$3.4M a month in expedited freight and spoiled stock.');
    await page.getByLabel('After', { exact: true }).fill('$2.4M a month: $1M savings monthly to the customer.');
    await page.getByLabel('The method others can reuse').fill('Deliveries planned around the customer’s receiving windows.');
    await selfCheck(page, 'What the customer saves', 'Met');
    await selfCheck(page, 'A method other teams can reuse', 'Met');
    await selfCheck(page, 'The customer noticed', 'Not yet');
    await page.getByRole('button', { name: 'Submit the entry' }).click();
    await page.getByText(/Your draft stays in this browser: submit it again when you are back online\./).waitFor();
    expect(await page.getByLabel('Team name').inputValue()).toBe('Returns desk, Lyon');
    await page.screenshot({ path: `${ARTIFACTS}nominate-offline.png`, fullPage: true });

    server = await startServer({ databasePath: join(folder, 'cc.db'), port: server.port, adminToken: server.adminToken, env: { MIN_GROUP_SIZE: '1' } });
    await page.getByRole('button', { name: 'Submit the entry' }).click();
    await page.getByText('Submitted: “Returns desk, Lyon” is in').waitFor();
    await expect.poll(() => page.getByTestId('entry-status').allTextContents()).toEqual(['Submitted', 'Submitted']);
    expect((await keptEntries()).map((k) => k.teamName)).toEqual(['Returns desk, Lyon', 'Line 4 maintenance crew']);
    await page.close();
    expect(problems).toEqual([]);
  });

  it('is linked from the popup too', async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 700 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const link = popup.getByRole('link', { name: 'Nominate your team’s customer win' });
    expect(await link.getAttribute('href')).toBe('/nominate.html');
    await popup.screenshot({ path: `${ARTIFACTS}popup-nominate-link.png`, fullPage: true });
    const [opened] = await Promise.all([browser.context.waitForEvent('page'), link.click()]);
    await opened!.waitForURL(`chrome-extension://${browser.extensionId}/nominate.html`);
    await opened!.getByRole('heading', { name: 'My team’s entries' }).waitFor();
    await opened!.close();
    await popup.close();
  });
});
