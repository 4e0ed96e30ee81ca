import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/src/domain/local-day';
import type { EntryReceipt } from '../../shared/src/schemas/recognition-entry';
import type { RoundRecord } from '../../shared/src/schemas/recognition-round';
import type { Schedule } from '../../shared/src/schemas/schedule';
import { buildDashboard } from '../support/build-dashboard';
import { adminCall, judgingDashboard } from '../support/judging-dashboard';
import { assertChromium } from '../support/launch-extension';
import { roundDraft } from '../support/recognition-api';
import { startTestProvider, TEST_ACCOUNTS, type TestProvider } from '../support/oidc-provider';
import { startServer, type RunningServer } from '../support/start-server';

const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'cc-company-sign-in-'));
const PROVIDER_NAME = 'Example ID';
const SECRET = 'e2e-client-secret-0123456789abcdef';
/** A round in judging, with one entry (from support) for Jo Judge to score. */
const ROUND = 'e2e-company-sign-in';
const TEAM = 'Returns desk';

let provider: TestProvider;
/** Company sign-in and the token form. */
let server: RunningServer;
/** Company sign-in only (TOKEN_SIGN_IN=off). */
let providerOnly: RunningServer;
/**
 * The dashboard as the browser addresses it: `localhost`, while the provider
 * is `127.0.0.1` — another site, as a company's provider is, so the cookies'
 * SameSite rules are tried on the way back from the provider.
 */
let dashboard: string;
let browser: Browser;
/** The CX lead's browser, kept signed in from one test to the next. */
let lead: Page;
const pageErrors: string[] = [];
const cspRefusals: string[] = [];

/** A port nobody listens on now, so the redirect URL is known before the server starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const oidcEnv = (port: number): Record<string, string> => ({
  OIDC_ISSUER: provider.issuer,
  OIDC_CLIENT_ID: `customer-chair-${port}`,
  OIDC_CLIENT_SECRET: SECRET,
  OIDC_REDIRECT_URL: `http://localhost:${port}/auth/oidc/callback`,
  OIDC_PROVIDER_NAME: PROVIDER_NAME,
  OIDC_ROLE_GROUPS: 'admin=cx-leads;judge=judges',
  OIDC_DEPARTMENT_CLAIM: 'department',
});

/** A fresh browser context: no cookies of anyone before, the provider's included. Nothing leaves loopback (the provider's page asks for a web font). */
async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspRefusals.push(`${page.url()}: ${message.text()}`);
  });
  return page;
}

async function screenshot(page: Page, name: string, schemes: ('light' | 'dark')[] = ['light']) {
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: `${ARTIFACTS}company-sign-in-${name}${schemes.length > 1 ? `-${scheme}` : ''}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/**
 * From the dashboard's sign-in page through the provider's own login and
 * consent pages, as a person would; resolves on the page the provider sent
 * the browser back to (the dashboard, or the refusal page).
 */
async function signInWithProvider(page: Page, login: string, options: { screenshotLogin?: boolean } = {}) {
  await page.goto(dashboard);
  await page.getByRole('link', { name: `Sign in with ${PROVIDER_NAME}` }).click();
  await page.waitForURL((url) => url.origin === provider.issuer);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  if (options.screenshotLogin) await screenshot(page, 'provider-login');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  const callback = page.waitForResponse((response) => new URL(response.url()).pathname === '/auth/oidc/callback');
  // The provider asks once per person and application.
  await page.getByRole('button', { name: 'Continue' }).click();
  const answer = await callback;
  await page.waitForLoadState('domcontentloaded');
  return answer;
}

/** The dashboard's own API, called from the page with its session cookie (and CSRF token on changes). */
const fromPage = (page: Page, method: string, path: string, body?: unknown) =>
  page.evaluate(
    async ({ method, path, body }) => {
      const session = await fetch('/api/v1/session');
      const csrf = session.ok ? ((await session.json()) as { csrfToken: string }).csrfToken : '';
      const response = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json().catch(() => null)) as unknown };
    },
    { method, path, body },
  );

/**
 * A round in judging with one entry from support, reached as a CX lead would:
 * open, an entry sent through the extension's route, then its days moved so
 * that submissions closed yesterday (the server's clock is the real one).
 */
async function seedRound() {
  const call = <T>(method: string, path: string, body?: unknown) => adminCall<T>(server, method, path, body);
  const { today } = await call<Schedule>('GET', '/api/v1/admin/schedule');
  const draft = roundDraft({ id: ROUND, name: 'Company sign-in round', submissionOpens: addDays(today, -7), submissionCloses: today, judgingEnds: addDays(today, 7), announceOn: addDays(today, 10) });
  const round = await call<RoundRecord>('POST', '/api/v1/admin/recognition/rounds', draft);
  await call<EntryReceipt>('POST', '/api/v1/recognition/entries', {
    roundId: ROUND,
    categoryId: 'faster-for-the-customer',
    team: { name: TEAM, department: 'support' },
    customer: 'Harbour Bank — operations lead',
    before: 'A refund took 12 working days from the customer’s request.',
    after: 'A refund takes 2 working days.',
    method: 'Refunds under $500 are approved by the desk itself, the same day, with a weekly sample check by finance.',
    selfCheck: [{ criterionId: 'less-waiting', status: 'met' }],
    installId: randomUUID(),
  });
  const { categories, name, submissionOpens } = draft;
  const moved = await call<RoundRecord>('PUT', `/api/v1/admin/recognition/rounds/${ROUND}`, {
    name,
    categories,
    submissionOpens,
    submissionCloses: addDays(today, -1),
    judgingEnds: addDays(today, 7),
    announceOn: addDays(today, 10),
    revision: round.revision,
  });
  expect(moved.phase).toBe('judging');
}

const navLinks = (page: Page) => page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link').allTextContents();

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  buildDashboard();
  const port = await freePort();
  let otherPort = await freePort();
  while (otherPort === port) otherPort = await freePort();
  provider = await startTestProvider({
    clients: [port, otherPort].map((p) => ({ clientId: `customer-chair-${p}`, clientSecret: SECRET, redirectUri: `http://localhost:${p}/auth/oidc/callback` })),
  });
  server = await startServer({ databasePath: join(folder, 'cc.db'), port, env: oidcEnv(port) });
  providerOnly = await startServer({ databasePath: join(folder, 'provider-only.db'), port: otherPort, env: { ...oidcEnv(otherPort), TOKEN_SIGN_IN: 'off' } });
  dashboard = `http://localhost:${port}/`;
  await seedRound();
  browser = await chromium.launch({
    executablePath: assertChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await providerOnly?.stop();
  await provider?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('company sign-in in Chromium, through the provider’s own login page', () => {
  it('the sign-in page offers “Sign in with Example ID” first, the admin-token form under “or”', async () => {
    const page = await freshPage();
    await page.goto(dashboard);
    const button = page.getByRole('link', { name: `Sign in with ${PROVIDER_NAME}` });
    await button.waitFor();
    expect(await button.getAttribute('href')).toBe('/auth/oidc/start');
    // The keyboard starts on it.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`Sign in with ${PROVIDER_NAME}`);
    expect(await page.getByRole('separator', { name: 'or' }).count()).toBe(1);
    expect(await page.getByLabel('Admin token (for administrators)').count()).toBe(1);
    await screenshot(page, 'page', ['light', 'dark']);

    // The token still signs an administrator in; before anyone used the provider, People says how people get there.
    await page.getByLabel('Admin token (for administrators)').fill(server.adminToken);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Signed in as').waitFor();
    await page.goto(`${dashboard}#/people`);
    await page.getByRole('heading', { name: `Nobody has signed in with ${PROVIDER_NAME} yet` }).waitFor();
    await screenshot(page, 'people-empty');
    await page.context().close();
  });

  it('with TOKEN_SIGN_IN=off, the page offers the provider alone: no token form, and the server takes no token there', async () => {
    const page = await freshPage();
    await page.goto(providerOnly.url.replace('127.0.0.1', 'localhost'));
    await page.getByRole('link', { name: `Sign in with ${PROVIDER_NAME}` }).waitFor();
    expect(await page.locator('input[name="token"], form').count()).toBe(0);
    expect(await page.getByRole('separator').count()).toBe(0);
    await screenshot(page, 'page-provider-only');
    const refused = await fromPage(page, 'POST', '/api/v1/session', { token: providerOnly.adminToken });
    expect(refused.status).toBe(403);
    await page.context().close();
  });

  it('the CX lead signs in on the provider’s login page and lands on the dashboard as Lena Lead, admin, with every page', async () => {
    lead = await freshPage();
    const callback = await signInWithProvider(lead, TEST_ACCOUNTS.lead.sub, { screenshotLogin: true });
    expect(callback.status()).toBe(303);
    await lead.getByText('Signed in as Lena Lead').waitFor();
    expect(new URL(lead.url()).origin).toBe(new URL(dashboard).origin);
    expect(await lead.locator('.role-badge').textContent()).toBe('admin');
    expect(await navLinks(lead)).toEqual(['Adoption', 'Judging', 'Rounds', 'Stories', 'Voice', 'Schedule', 'Prompts', 'Roles & actions', 'Settings', 'Import/Export', 'People', 'Audit log']);
    await lead.goto(`${dashboard}#/stories/new`);
    await lead.getByRole('form', { name: 'Story' }).waitFor();
  });

  it('the judge lands on Judging alone, their department from the provider; the editor’s link opens Judging; they score an entry', async () => {
    const page = await freshPage();
    await signInWithProvider(page, TEST_ACCOUNTS.judge.sub);
    await page.getByText('Signed in as Jo Judge').waitFor();
    expect(await page.locator('.role-badge').textContent()).toBe('judge');
    expect(await navLinks(page)).toEqual(['Judging']);
    const judging = page.locator('[aria-labelledby="judging-title"]');
    await judging.waitFor();
    for (const hash of ['#/stories/new', '#/stories', '#/people', '#/audit', '#/adoption']) {
      await page.goto(`${dashboard}${hash}`);
      await judging.waitFor();
      expect(await page.getByRole('navigation', { name: 'Dashboard' }).locator('[aria-current="page"]').textContent(), hash).toBe('Judging');
      expect(await page.locator('table.figures, table.story-list, table.people-list, form.story-form').count(), hash).toBe(0);
    }
    expect((await fromPage(page, 'GET', '/api/v1/session')).body).toMatchObject({ role: 'judge', department: 'manufacturing' });
    expect((await fromPage(page, 'GET', '/api/v1/admin/stories')).status).toBe(403);

    // Their own department's entries (manufacturing) are kept from them; their scorecard is kept for them as a person.
    await page.goto(`${dashboard}#/judging/${ROUND}`);
    await page.locator('article.scorecard').waitFor();
    expect(await judging.textContent()).toMatch(/your own department \(manufacturing\) are not shown to you/);
    await judgingDashboard(() => page, dashboard).score(TEAM, { 'How much less the customer waits': 4, 'The customer noticed': 3 }, 'Clear steps another team could follow.');
    await page.context().close();
  });

  it('a person in no group is refused with a clear page (403) in the dashboard’s look, and no session is made', async () => {
    const page = await freshPage();
    const callback = await signInWithProvider(page, TEST_ACCOUNTS.nobody.sub);
    expect(callback.status()).toBe(403);
    await page.getByRole('heading', { name: 'You have no access to Customer Chair' }).waitFor();
    expect(await page.locator('main').textContent()).toMatch(/You signed in as Nat Nobody, but none of your groups gives a role .*Ask your CX lead for access/);
    // The page's inline styles are allowed by the CSP (its hash): the link is drawn as the dashboard's primary button.
    const back = page.getByRole('link', { name: 'Back to the dashboard' });
    expect(await back.evaluate((a) => getComputedStyle(a).backgroundColor)).toBe('rgb(47, 111, 94)');
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    await screenshot(page, 'refused', ['light', 'dark']);
    expect((await fromPage(page, 'GET', '/api/v1/session')).status).toBe(401);
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('cc_session');
    await back.click();
    await page.getByRole('link', { name: `Sign in with ${PROVIDER_NAME}` }).waitFor();
    await page.context().close();
  });

  it('the lead sees everyone on People, grants Nat Nobody viewer; Nat then reads adoption and cannot open the content editor', async () => {
    await lead.goto(`${dashboard}#/people`);
    const row = (name: string) => lead.locator('table.people-list tbody tr', { has: lead.getByRole('rowheader', { name: new RegExp(name) }) });
    await row('Nat Nobody').waitFor();
    expect(await row('Nat Nobody').textContent()).toMatch(/no access.*no role from their groups/);
    expect(await row('Lena Lead').textContent()).toMatch(/admin from their groups.*signed in now/);
    expect(await row('Jo Judge').textContent()).toMatch(/judge from their groups/);
    // Jo's department came from the provider's claim.
    expect(await lead.getByLabel('Department of Jo Judge').locator('option:checked').textContent()).toBe(`Follow ${PROVIDER_NAME} (Manufacturing)`);

    await lead.getByLabel('Role to grant Nat Nobody').selectOption('viewer');
    await row('Nat Nobody').getByRole('button', { name: 'Grant' }).click();
    await lead.getByRole('status').filter({ hasText: 'Nat Nobody may now act as viewer.' }).waitFor();
    expect(await row('Nat Nobody').textContent()).toMatch(/viewer granted by Lena Lead/);
    // The select goes back to its prompt (viewer is no longer on offer).
    expect(await lead.getByLabel('Role to grant Nat Nobody').locator('option:checked').textContent()).toBe('Choose a role…');

    // Jo's department for conflicts of interest, set here over the claim.
    await lead.getByLabel('Department of Jo Judge').selectOption('sales');
    await row('Jo Judge').getByRole('button', { name: 'Set' }).click();
    await lead.getByRole('status').filter({ hasText: 'Jo Judge’s department is set.' }).waitFor();
    expect(await row('Jo Judge').getByRole('button', { name: 'Set' }).isDisabled()).toBe(true);

    // An admin cannot take their own admin role away: the server's reason, in the page's alert.
    await lead.getByLabel('Role to grant Lena Lead').selectOption('admin');
    await row('Lena Lead').getByRole('button', { name: 'Grant' }).click();
    await lead.getByRole('status').filter({ hasText: 'Lena Lead may now act as admin.' }).waitFor();
    await lead.getByRole('button', { name: 'Revoke Lena Lead’s admin grant' }).click();
    await lead.getByRole('alert').filter({ hasText: 'Lena Lead: You cannot take your own admin role away' }).waitFor();
    expect(await row('Lena Lead').textContent()).toMatch(/admin granted by Lena Lead/);
    await screenshot(lead, 'people', ['light', 'dark']);

    const page = await freshPage();
    await signInWithProvider(page, TEST_ACCOUNTS.nobody.sub);
    await page.getByText('Signed in as Nat Nobody').waitFor();
    expect(await page.locator('.role-badge').textContent()).toBe('viewer');
    expect(await navLinks(page)).toEqual(['Adoption']);
    await page.goto(`${dashboard}#/stories/new`);
    await page.getByRole('navigation', { name: 'Dashboard' }).locator('[aria-current="page"]').filter({ hasText: 'Adoption' }).waitFor();
    expect(await page.locator('form.story-form, table.story-list').count()).toBe(0);
    expect((await fromPage(page, 'POST', '/api/v1/admin/stories', {})).status).toBe(403);
    await page.context().close();
  });

  it('the chair’s panel summary names Jo Judge among who scored', async () => {
    await lead.goto(`${dashboard}#/judging/${ROUND}`);
    await lead.getByRole('button', { name: 'Panel summary' }).click();
    const summary = lead.locator('table.summary-table');
    await summary.waitFor();
    expect(await summary.locator('tr', { hasText: TEAM }).textContent()).toMatch(/Jo Judge/);
    await screenshot(lead, 'panel-summary');
  });

  it('the lead changes content, and the Audit log names Lena Lead', async () => {
    const { body } = await fromPage(lead, 'GET', '/api/v1/admin/departments');
    const engineering = (body as { departments: { id: string; name: string; headcount: number; revision: number }[] }).departments.find((d) => d.id === 'engineering')!;
    const saved = await fromPage(lead, 'PUT', '/api/v1/admin/departments/engineering', { name: engineering.name, headcount: engineering.headcount + 1, revision: engineering.revision });
    expect(saved.status).toBe(200);
    await lead.goto(`${dashboard}#/audit`);
    const rows = lead.locator('table.audit tbody tr');
    await rows.first().waitFor();
    expect(await rows.first().locator('th').textContent()).toBe('Lena Lead');
    const log = await lead.locator('table.audit').textContent();
    expect(log).toMatch(/department updated/);
    expect(log).toMatch(/Nat Nobody: granted viewer/);
    await screenshot(lead, 'audit-log');
  });

  it('signing out ends the session: the sign-in page again, and the old cookie opens nothing', async () => {
    const before = (await lead.context().cookies()).find((cookie) => cookie.name === 'cc_session')!;
    expect(before).toBeDefined();
    await lead.getByRole('button', { name: 'Sign out' }).click();
    await lead.getByText('You are signed out.').waitFor();
    await lead.getByRole('link', { name: `Sign in with ${PROVIDER_NAME}` }).waitFor();
    expect((await fromPage(lead, 'GET', '/api/v1/session')).status).toBe(401);
    // The cookie's value, kept by someone, is no use now either.
    const replay = await fetch(`${server.url}/api/v1/session`, { headers: { Cookie: `cc_session=${before.value}` } });
    expect(replay.status).toBe(401);
  });

  it('raised no page error and no Content Security Policy refusal', () => {
    expect(pageErrors).toEqual([]);
    expect(cspRefusals).toEqual([]);
  });
});
