import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditReport } from '../support/axe';
import { buildDashboard } from '../support/build-dashboard';
import { JUDGING_ROUND, seedDashboardData } from '../support/dashboard-data';
import { assertChromium } from '../support/launch-extension';
import { startServer, type RunningServer } from '../support/start-server';

/**
 * axe-core on every page of the CX dashboard, in Chromium, as an admin:
 * once on a server with something on every page (usage, a round in
 * judging, messages, people) and once on a new server (the first start),
 * light and dark, each a test named after the page. The rule is no serious
 * or critical violation; a failing test prints each with the elements found.
 * One browser for the file.
 */
const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'cc-e2e-axe-dashboard-'));
const servers: Partial<Record<State, RunningServer>> = {};
let browser: Browser;
let page: Page;

type State = 'with data' | 'empty';
const SCHEMES = ['light', 'dark'] as const;
/** The navigation's pages, in its order. */
const PAGES = ['Adoption', 'Judging', 'Rounds', 'Stories', 'Voice', 'Schedule', 'Prompts', 'Roles & actions', 'Settings', 'Import/Export', 'People', 'Audit log'];

/** The page has painted what it loads: its heading, and no "Loading…" left. */
async function settled() {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.loading') && !/Loading[^\n]*…/.test(document.body.innerText), undefined, { timeout: 15_000 });
}

async function signIn(server: RunningServer) {
  await page.context().clearCookies();
  await page.goto('about:blank');
  await page.goto(server.url);
  await page.getByLabel('Admin token').fill(server.adminToken);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Dashboard' }).waitFor();
}

async function openFromNav(label: string) {
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: label, exact: true }).click();
  await page.getByRole('navigation', { name: 'Dashboard' }).locator('[aria-current="page"]', { hasText: label }).waitFor();
  await settled();
}

/** A test per colour scheme: the page as `reach` leaves it, audited. */
function audit(name: string, reach: () => Promise<void>, screenshot?: string) {
  for (const scheme of SCHEMES) {
    it(`${name}, ${scheme}: no serious or critical violations`, async () => {
      await reach();
      await page.emulateMedia({ colorScheme: scheme });
      const found = await auditReport(page, `${name}, ${scheme}`);
      if (screenshot) await page.screenshot({ path: `${ARTIFACTS}${screenshot}-${scheme}.png`, fullPage: true });
      expect(found).toBe('');
    });
  }
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  buildDashboard();
  const env = { MIN_GROUP_SIZE: '5' };
  servers['with data'] = await startServer({ databasePath: join(folder, 'data.db'), env });
  servers.empty = await startServer({ databasePath: join(folder, 'empty.db'), env });
  await seedDashboardData(servers['with data'], join(folder, 'data.db'));
  browser = await chromium.launch({
    executablePath: assertChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // A context of its own: axe finishes its run in a second page of the page's context.
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  for (const server of Object.values(servers)) await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('accessibility of the CX dashboard (axe-core, Chromium)', () => {
  audit('dashboard, sign-in page', async () => {
    await page.context().clearCookies();
    await page.goto(servers.empty!.url);
    await page.getByLabel('Admin token').waitFor();
  });

  for (const state of ['with data', 'empty'] as const) {
    describe(state, () => {
      it(`(signs in as an admin, ${state})`, async () => {
        await signIn(servers[state]!);
      });
      for (const label of PAGES) {
        // Pictures of the pages fixed here (the past days' badges on Schedule).
        const screenshot = label === 'Schedule' && state === 'with data' ? 'accessibility-schedule' : undefined;
        audit(`dashboard, ${label}, ${state}`, () => openFromNav(label), screenshot);
      }

      if (state === 'with data') {
        audit('dashboard, Adoption, a department (Sales), with data', async () => {
          await openFromNav('Adoption');
          await page.getByRole('button', { name: 'Sales', exact: true }).click();
          await page.getByRole('heading', { level: 1, name: /Sales/ }).waitFor();
          await settled();
        });
        audit(
          'dashboard, Adoption, the charts’ tables open, with data',
          async () => {
            await openFromNav('Adoption');
            const closed = page.locator('.chart-table:not([open]) > summary');
            while ((await closed.count()) > 0) await closed.first().click();
            // The chart's text alternative: the same figures, a row per week, a column per department.
            const table = page.getByRole('table', { name: 'Weekly active installs, by week' });
            await table.waitFor();
            expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Week of', 'Engineering', 'Sales', 'Other (small groups)']);
            expect(await table.getByRole('row').filter({ has: page.getByRole('rowheader') }).last().getByRole('cell').allTextContents()).toEqual(['10', '7', '5']);
          },
          'accessibility-adoption-chart-table',
        );
        audit('dashboard, Judging, a scorecard open, with data', async () => {
          await openFromNav('Judging');
          await page.getByLabel('Round').selectOption(JUDGING_ROUND.id);
          await page.locator('article.scorecard').waitFor();
          await settled();
        });
        audit('dashboard, Rounds, a round, with data', async () => {
          await openFromNav('Rounds');
          await page.getByRole('link', { name: JUDGING_ROUND.name }).click();
          await page.getByRole('heading', { level: 1, name: JUDGING_ROUND.name }).waitFor();
          await settled();
        }, 'accessibility-round');
        audit('dashboard, Stories, the story editor, with data', async () => {
          await openFromNav('Stories');
          await page.getByRole('link', { name: /^Edit “/ }).first().click();
          await page.getByLabel('Title').waitFor();
          await settled();
        });
      }
    });
  }
});
