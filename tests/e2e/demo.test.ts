import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardOverviewSchema } from '../../shared/src/schemas/dashboard-overview';
import { DepartmentDetailSchema } from '../../shared/src/schemas/department-detail';
import { SignInOptionsSchema } from '../../shared/src/schemas/session';
import { assertChromium } from '../support/launch-extension';
import { auditReport } from '../support/axe';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'cc-demo-'));
const demoDatabase = join(folder, 'demo.db');

type Demo = { child: ChildProcess; url: string; token: string; output: () => string; stop: () => Promise<void> };

/**
 * Runs `pnpm demo` as a newcomer would (the root package.json's script: the
 * dashboard's build, then the server on its demo database), on its own
 * process group so that stopping it stops pnpm's children too.
 */
async function runDemo(): Promise<Demo> {
  const child = spawn('pnpm', ['demo'], {
    cwd: ROOT,
    detached: true,
    // Not vitest's NODE_ENV=test (Vite would ship Preact's development build), nor an ADMIN_TOKEN: the demo makes one.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', PORT: '0', DEMO_DATABASE_PATH: demoDatabase },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pnpm demo did not start in 150 s:\n${output}`)), 150_000);
    const poll = setInterval(() => {
      const match = /listening on (http:\/\/[^:]+:\d+)/.exec(output);
      if (match) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(match[1]!);
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`pnpm demo ended (${code}):\n${output}`));
    });
  });
  const token = /\n {2}(cc_admin_[A-Za-z0-9_-]{43})\n/.exec(output)?.[1];
  if (!token) throw new Error(`pnpm demo printed no admin token:\n${output}`);
  return {
    child,
    url,
    token,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    },
  };
}

let demo: Demo;
let browser: Browser;
let page: Page;
let cookie: string;
const pageErrors: string[] = [];

async function api(path: string): Promise<unknown> {
  const response = await fetch(`${demo.url}${path}`, { headers: { Cookie: cookie } });
  expect(response.status, path).toBe(200);
  return response.json();
}

/** A screenshot in each colour scheme, and the page as it is audited by axe-core: the demo banner is on every page. */
async function screenshot(name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${ARTIFACTS}demo-${name}-${scheme}.png`, fullPage: true });
    expect(await auditReport(page, `demo, ${name}, ${scheme}`)).toBe('');
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  demo = await runDemo();
  const signIn = await fetch(`${demo.url}/api/v1/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: demo.token }) });
  expect(signIn.status).toBe(200);
  cookie = signIn.headers.get('Set-Cookie')!.split(';')[0]!;
  browser = await chromium.launch({
    executablePath: assertChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('pnpm demo', () => {
  it('starts on its own demo database, filled with generated usage, and says how to sign in', () => {
    const output = demo.output();
    expect(output).toMatch(/Demo: generated \d+ usage events from \d+ installs, \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d .* in \d+\.\d s\./);
    expect(output).toMatch(/No ADMIN_TOKEN was set, so one was made/);
    expect(output).toMatch(/Demo: open http:\/\/127\.0\.0\.1:\d+\/ and sign in with the admin token above/);
    expect(statSync(demoDatabase).size).toBeGreaterThan(1_000_000);
    // What the report quotes: generation time and database size.
    console.log(`${/Demo: generated .*/.exec(output)![0]} Database: ${(statSync(demoDatabase).size / 1024 / 1024).toFixed(1)} MB.`);
  });

  it('answers the overview, trends and department view with figures, the small departments folded', async () => {
    expect(SignInOptionsSchema.parse(await (await fetch(`${demo.url}/api/v1/session/options`)).json()).demo).toBe(true);
    const overview = DashboardOverviewSchema.parse(await api('/api/v1/dashboard/overview'));
    expect(overview.stats.weeks).toBe(4);
    expect(overview.stats.total.activeInstalls).toBeGreaterThan(300);
    // Which middling department dips under 5 in some week depends on the day the demo is made; the big ones never do.
    expect(overview.stats.departments.map((d) => d.department)).toEqual(expect.arrayContaining(['engineering', 'manufacturing', 'sales', 'support', 'operations', 'it']));
    expect(overview.stats.departments.map((d) => d.department)).not.toContain('legal');
    expect(overview.stats.other?.departments).toBeGreaterThanOrEqual(2);
    const today = new Date();
    const trends = DashboardOverviewSchema.parse(await api(`/api/v1/dashboard/overview?from=${new Date(today.getTime() - 84 * 86_400_000).toISOString().slice(0, 10)}&to=${new Date(today.getTime() - 86_400_000).toISOString().slice(0, 10)}`));
    expect(new Set(trends.stats.weekly.map((w) => w.week)).size).toBeGreaterThanOrEqual(11);
    const sales = DepartmentDetailSchema.parse(await api('/api/v1/dashboard/departments/sales'));
    expect(sales.activeInstalls).toBeGreaterThan(40);
    expect(sales.topActions.length).toBeGreaterThan(0);
  });

  it('shows the dashboard with its demo banner: sign-in, overview, trends and a department', async () => {
    await page.goto(demo.url);
    const banner = page.getByRole('complementary', { name: 'Demo data' });
    await expect.poll(() => banner.textContent()).toMatch(/These figures are generated/);
    await screenshot('sign-in');
    await page.getByLabel('Admin token').fill(demo.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sales', exact: true }).waitFor();
    expect(await banner.isVisible()).toBe(true);
    expect(await page.getByRole('rowheader', { name: 'Other (small groups)' }).first().isVisible()).toBe(true);
    await screenshot('overview');

    await page.getByRole('button', { name: 'Last 13 weeks' }).click();
    await page.getByRole('region', { name: 'Trends by week' }).waitFor();
    await page.waitForTimeout(500);
    await page.getByRole('region', { name: 'Trends by week' }).scrollIntoViewIfNeeded();
    await screenshot('trends');

    await page.getByRole('button', { name: 'Last 4 weeks' }).click();
    await page.getByRole('button', { name: 'Sales', exact: true }).click();
    await page.getByRole('region', { name: 'Sales at a glance' }).waitFor();
    expect(await banner.isVisible()).toBe(true);
    await screenshot('department');
    expect(pageErrors).toEqual([]);
  });
});
