import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OidcConfig } from '../../../server/src/config';
import { sql } from '../../../server/src/storage/sql';
import { signInAtProvider, startTestProvider, TEST_ACCOUNTS, type TestProvider } from '../../support/oidc-provider';
import { makeTestApp } from '../../support/test-app';

const ORIGIN = 'http://chair.test';
const REDIRECT = `${ORIGIN}/auth/oidc/callback`;
const CLIENT = { clientId: 'customer-chair', clientSecret: 'test-client-secret-0123456789', redirectUri: REDIRECT };
/** Another application of the same provider. */
const OTHER_CLIENT = { clientId: 'other-app', clientSecret: 'other-client-secret-0123456789', redirectUri: 'http://other.test/callback' };
/** Set, the provider's token endpoint answers with this ID token instead of its own (an attacker in the middle). */
let swapIdToken: string | undefined;

let provider: TestProvider;
type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

beforeAll(async () => {
  provider = await startTestProvider({ clients: [CLIENT, OTHER_CLIENT] });
  provider.provider.use(async (ctx, next) => {
    await next();
    if (swapIdToken && ctx.path === '/token' && ctx.body && typeof ctx.body === 'object') ctx.body = { ...(ctx.body as object), id_token: swapIdToken };
  });
});
afterAll(() => provider.stop());

function oidcConfig(overrides: Partial<OidcConfig> = {}): OidcConfig {
  return {
    issuer: provider.issuer,
    clientId: CLIENT.clientId,
    clientSecret: CLIENT.clientSecret,
    redirectUrl: REDIRECT,
    providerName: 'Test IdP',
    groupsClaim: 'groups',
    departmentClaim: 'department',
    roleGroups: { admin: ['cx-leads'], judge: ['judges'], viewer: ['execs'] },
    ...overrides,
  };
}

/** The real app, its clock at the real time (the provider's tokens carry real times). */
const app = (overrides: Partial<OidcConfig> = {}) => makeTestApp({ now: new Date().toISOString(), config: { oidc: oidcConfig(overrides) } });

/** `GET /auth/oidc/start` as a browser: the provider's address and the browser cookie it set. */
async function start(t: TestApp) {
  const response = await t.app.request(`${ORIGIN}/auth/oidc/start`);
  expect(response.status).toBe(302);
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('cc_oidc='))!;
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Lax/);
  return { location: new URL(response.headers.get('Location')!), cookie: cookie.split(';')[0]! };
}

/** The callback, as the browser brings it back from the provider. */
const callback = (t: TestApp, url: URL | string, cookie?: string) => t.app.request(String(url), { headers: cookie ? { Cookie: cookie } : {} });

/** Start, sign in at the provider's own login page as `login`, come back. */
async function signIn(t: TestApp, login: string) {
  const started = await start(t);
  const back = await signInAtProvider(started.location, login, REDIRECT);
  return { response: await callback(t, back, started.cookie), back, started };
}

const sessionCount = async (t: TestApp) => Number((await t.storage.one<{ n: number }>(sql`SELECT COUNT(*) AS n FROM sessions`))!.n);
const sessionCookie = (response: Response) => response.headers.getSetCookie().find((line) => line.startsWith('cc_session='))?.split(';')[0];

describe('company sign-in against a real OpenID provider', () => {
  it('the CX lead lands on the dashboard as an admin, the judge as a judge with their department, named as the provider names them', async () => {
    const t = await app();
    const lead = await signIn(t, TEST_ACCOUNTS.lead.sub);
    expect(lead.response.status).toBe(303);
    expect(lead.response.headers.get('Location')).toBe('/');
    const leadSession = await (await t.app.request('/api/v1/session', { headers: { Cookie: sessionCookie(lead.response)! } })).json();
    expect(leadSession).toMatchObject({ label: 'Lena Lead', role: 'admin', department: null });

    const judge = await signIn(t, TEST_ACCOUNTS.judge.sub);
    const judgeSession = await (await t.app.request('/api/v1/session', { headers: { Cookie: sessionCookie(judge.response)! } })).json();
    expect(judgeSession).toMatchObject({ label: 'Jo Judge', role: 'judge', department: 'manufacturing' });
    // Expires with the ID token (an hour here), never after 12 hours.
    const expiresAt = Date.parse((judgeSession as { expiresAt: string }).expiresAt);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 3600_000 + 5000);
    expect(await sessionCount(t)).toBe(2);
    expect(await t.storage.all(sql`SELECT subject, name, email, department FROM people ORDER BY subject`)).toEqual([
      { subject: 'jo-judge', name: 'Jo Judge', email: 'jo.judge@example.test', department: 'manufacturing' },
      { subject: 'lena-lead', name: 'Lena Lead', email: 'lena.lead@example.test', department: null },
    ]);
  });

  it('a person in no group is refused with a page saying why, and no session is made', async () => {
    const t = await app();
    const { response } = await signIn(t, TEST_ACCOUNTS.nobody.sub);
    expect(response.status).toBe(403);
    expect(response.headers.get('Content-Type')).toMatch(/text\/html/);
    const page = await response.text();
    expect(page).toContain('You have no access to Customer Chair');
    expect(page).toContain('You signed in as Nat Nobody, but none of your groups gives a role');
    expect(sessionCookie(response)).toBeUndefined();
    expect(await sessionCount(t)).toBe(0);
  });

  it('a role granted in the dashboard counts without a group', async () => {
    const t = await app();
    await signIn(t, TEST_ACCOUNTS.nobody.sub);
    const person = (await t.storage.one<{ id: number }>(sql`SELECT id FROM people WHERE subject = 'nat-nobody'`))!.id;
    await t.storage.run(sql`INSERT INTO role_grants (person_id, role, granted_by, granted_at) VALUES (${person}, 'viewer', 'Lena Lead', ${new Date().toISOString()})`);
    const { response } = await signIn(t, TEST_ACCOUNTS.nobody.sub);
    expect(await (await t.app.request('/api/v1/session', { headers: { Cookie: sessionCookie(response)! } })).json()).toMatchObject({ role: 'viewer' });
  });

  it('refuses a wrong state, a callback without the browser cookie, and the same callback twice, with no session', async () => {
    const t = await app();
    const started = await start(t);
    const back = await signInAtProvider(started.location, TEST_ACCOUNTS.lead.sub, REDIRECT);
    const wrong = new URL(back);
    wrong.searchParams.set('state', 'not-the-state-we-sent');
    for (const response of [await callback(t, wrong, started.cookie), await callback(t, back)]) {
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('This sign-in was not started in this browser, was finished already, or took longer than 10 minutes');
    }
    expect(await sessionCount(t)).toBe(0);
    expect((await callback(t, back, started.cookie)).status).toBe(303);
    const replay = await callback(t, back, started.cookie);
    expect(replay.status).toBe(400);
    expect(await sessionCount(t)).toBe(1);
  });

  it('refuses a replayed code brought with a new sign-in\'s state', async () => {
    const t = await app();
    const first = await signIn(t, TEST_ACCOUNTS.lead.sub);
    expect(first.response.status).toBe(303);
    const second = await start(t);
    const replay = new URL(first.back);
    replay.searchParams.set('state', second.location.searchParams.get('state')!);
    const response = await callback(t, replay, second.cookie);
    expect(response.status).toBe(401);
    expect(await response.text()).toMatch(/Test IdP refused the sign-in code: it was used already or has expired/);
    expect(await sessionCount(t)).toBe(1);
  });

  it('refuses an ID token with another nonce than the one this sign-in sent', async () => {
    const t = await app();
    const started = await start(t);
    const tampered = new URL(started.location);
    tampered.searchParams.set('nonce', 'a-nonce-of-the-attacker');
    const back = await signInAtProvider(tampered, TEST_ACCOUNTS.lead.sub, REDIRECT);
    const response = await callback(t, back, started.cookie);
    expect(response.status).toBe(401);
    expect(await response.text()).toMatch(/was not issued for this sign-in \(its nonce does not match\)/);
    expect(await sessionCount(t)).toBe(0);
  });

  it('refuses an ID token issued for another application (audience), even signed by the right provider with this sign-in\'s nonce', async () => {
    const t = await app();
    const started = await start(t);
    const nonce = started.location.searchParams.get('nonce')!;
    // The attacker signs in to another application of the same provider with the victim sign-in's nonce, and keeps its ID token.
    const verifier = randomBytes(32).toString('base64url');
    const other = new URL(started.location);
    other.search = new URLSearchParams({
      client_id: OTHER_CLIENT.clientId,
      redirect_uri: OTHER_CLIENT.redirectUri,
      response_type: 'code',
      scope: 'openid profile email',
      state: 'other-state',
      nonce,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    const otherBack = await signInAtProvider(other, TEST_ACCOUNTS.lead.sub, OTHER_CLIENT.redirectUri);
    const exchanged = await fetch(`${provider.issuer}/token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`${OTHER_CLIENT.clientId}:${OTHER_CLIENT.clientSecret}`).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: otherBack.searchParams.get('code')!, redirect_uri: OTHER_CLIENT.redirectUri, code_verifier: verifier }),
    });
    const foreign = ((await exchanged.json()) as { id_token: string }).id_token;
    expect(JSON.parse(Buffer.from(foreign.split('.')[1]!, 'base64url').toString())).toMatchObject({ aud: OTHER_CLIENT.clientId, nonce });
    // Then slips it into the provider's answer to this server.
    swapIdToken = foreign;
    try {
      const back = await signInAtProvider(started.location, TEST_ACCOUNTS.lead.sub, REDIRECT);
      const response = await callback(t, back, started.cookie);
      expect(response.status).toBe(401);
      expect(await response.text()).toMatch(/was issued for another application \(its audience is not this server\)/);
    } finally {
      swapIdToken = undefined;
    }
    expect(await sessionCount(t)).toBe(0);
  });

  it('refuses an answer from another issuer (a second provider that knows the same client)', async () => {
    const t = await app();
    const elsewhere = await startTestProvider({ clients: [CLIENT] });
    try {
      const started = await start(t);
      const mixedUp = new URL(started.location.pathname + started.location.search, elsewhere.issuer);
      const back = await signInAtProvider(mixedUp, TEST_ACCOUNTS.lead.sub, REDIRECT);
      expect(back.searchParams.get('iss')).toBe(elsewhere.issuer);
      const response = await callback(t, back, started.cookie);
      expect(response.status).toBe(401);
      expect(await response.text()).toMatch(/comes from another issuer than Test IdP/);
      expect(await sessionCount(t)).toBe(0);
    } finally {
      await elsewhere.stop();
    }
  });

  it('refuses an expired ID token (the server\'s clock two hours past the provider\'s: its one-hour token has expired)', async () => {
    const t = await app();
    t.clock.set(new Date(Date.now() + 2 * 3600_000));
    const started = await start(t);
    const back = await signInAtProvider(started.location, TEST_ACCOUNTS.lead.sub, REDIRECT);
    const response = await callback(t, back, started.cookie);
    expect(response.status).toBe(401);
    expect(await response.text()).toMatch(/The ID token from Test IdP has expired/);
    expect(await sessionCount(t)).toBe(0);
  });

  it('a provider that cannot be reached: a page saying so (502), no session', async () => {
    const down = await startTestProvider({ clients: [CLIENT] });
    await down.stop();
    const t = await app({ issuer: down.issuer });
    const response = await t.app.request(`${ORIGIN}/auth/oidc/start`);
    expect(response.status).toBe(502);
    expect(await response.text()).toMatch(/Test IdP could not be reached/);
    expect(await sessionCount(t)).toBe(0);
  });

  it('without company sign-in set up, its routes answer 404 saying so', async () => {
    const t = await makeTestApp();
    const response = await t.app.request('/auth/oidc/start');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/Company sign-in is not set up on this server/);
  });
});
