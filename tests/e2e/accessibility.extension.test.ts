import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditReport } from '../support/axe';
import { buildExtension } from '../support/build-extension';
import { launchExtension, type ExtensionBrowser } from '../support/launch-extension';
import { serveFixtures } from '../support/serve-fixtures';
import { setUpExtension } from '../support/set-up-extension';
import { startServer, type RunningServer } from '../support/start-server';

/**
 * axe-core on every page of the extension, in Chromium, each a test named
 * after the page: the rule is no serious or critical violation (a failing
 * test prints each with the elements it found). One browser for the file.
 */
const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'cc-e2e-axe-extension-'));
let server: RunningServer;
let browser: ExtensionBrowser;

const SCHEMES = ['light', 'dark'] as const;
const url = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;

async function open(path: string, ready: (page: Page) => Promise<unknown>, viewport = { width: 1100, height: 900 }): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(path);
  await ready(page);
  return page;
}

/** One test per colour scheme for a page, opened afresh by `openPage`; `screenshot` names its picture in tests/.artifacts. */
function auditBoth(name: string, openPage: () => Promise<Page>, options: { include?: string; screenshot?: string } = {}) {
  for (const scheme of SCHEMES) {
    it(`${name}, ${scheme}: no serious or critical violations`, async () => {
      const page = await openPage();
      await page.emulateMedia({ colorScheme: scheme });
      const found = await auditReport(page, `${name}, ${scheme}`, options);
      if (options.screenshot) await page.screenshot({ path: `${ARTIFACTS}${options.screenshot}-${scheme}.png`, fullPage: true });
      await page.close();
      expect(found).toBe('');
    });
  }
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  buildExtension();
  // A new database: the server seeds its demo content, whose recognition round is open today.
  server = await startServer({ databasePath: join(folder, 'cc.db'), env: { MIN_GROUP_SIZE: '1' } });
  browser = await launchExtension();
  await serveFixtures(browser.context);
});

afterAll(async () => {
  await browser?.dispose();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('accessibility of the extension’s pages (axe-core, Chromium)', () => {
  // Before any set-up: the new tab asks for department and role.
  auditBoth('new tab, first run', () => open('chrome://newtab/', (p) => p.getByLabel('Your department').waitFor()));

  it('(set-up: the options page points at the server, with a department and role)', async () => {
    await setUpExtension(browser, { serverUrl: server.url, department: 'sales', role: 'sales', sync: true });
  });

  auditBoth('new tab, daily', () => open('chrome://newtab/', (p) => p.locator('#story-title').waitFor()));
  auditBoth('new tab, daily, an action just logged (Undo offered)', async () => {
    const page = await open('chrome://newtab/', (p) => p.locator('#story-title').waitFor());
    await page.getByRole('button', { name: /^I did this: / }).first().click();
    await page.getByRole('button', { name: /^Undo: / }).waitFor();
    return page;
  });
  auditBoth('popup', () => open(url('popup.html'), (p) => p.getByRole('button', { name: 'Copy question' }).waitFor(), { width: 380, height: 700 }));
  auditBoth('options page', () => open(url('options.html'), (p) => p.getByRole('heading', { name: 'Status' }).waitFor()), { screenshot: 'accessibility-options' });
  auditBoth(
    'meeting card in a Google Meet meeting',
    () => open('https://meet.google.com/abc-defg-hij', (p) => p.locator('customer-chair-card').getByRole('button', { name: 'Insert question' }).waitFor()),
    // The card, not the meeting site's page around it (a fixture, not ours).
    { include: 'customer-chair-card' },
  );
  auditBoth('nomination form', () => open(url('nominate.html'), (p) => p.getByRole('radio', { name: 'Faster for the customer' }).waitFor()));
  auditBoth('nomination form, sent empty (its errors shown)', async () => {
    const page = await open(url('nominate.html'), (p) => p.getByRole('radio', { name: 'Faster for the customer' }).waitFor());
    await page.getByRole('button', { name: 'Submit the entry' }).click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    return page;
  });
  auditBoth('voice form', () => open(url('voice.html'), (p) => p.getByRole('heading', { name: 'A new message' }).waitFor()));
  auditBoth('voice form, sent empty (its errors shown)', async () => {
    const page = await open(url('voice.html'), (p) => p.getByRole('heading', { name: 'A new message' }).waitFor());
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('.field-error').first().waitFor();
    return page;
  });
});
