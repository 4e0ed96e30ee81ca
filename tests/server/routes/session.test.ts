import { describe, expect, it } from 'vitest';
import { CREDENTIAL_THROTTLE } from '../../../server/src/auth/credential-throttle';
import { hashToken } from '../../../server/src/auth/tokens';
import { findAdminToken } from '../../../server/src/storage/queries/find-admin-token';
import { insertAdminToken } from '../../../server/src/storage/queries/insert-admin-token';
import { revokeAdminToken } from '../../../server/src/storage/queries/revoke-admin-token';
import { sql } from '../../../server/src/storage/sql';
import { SessionInfoSchema } from '../../../shared/src/schemas/session';
import { makeTestApp, TEST_ADMIN_TOKEN } from '../../support/test-app';
import { makeTestInstances } from '../../support/test-instances';

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

function signIn(t: TestApp, token: unknown, headers: Record<string, string> = {}) {
  return t.app.request('/api/v1/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ token }),
  });
}

/** The cookie pair ("cc_session=…") a browser would send back. */
function cookieOf(response: Response): string {
  return response.headers.get('Set-Cookie')!.split(';')[0]!;
}

describe('/api/v1/session', () => {
  it('signs in with an admin token: HttpOnly, SameSite=Strict cookie with an expiry, and a CSRF token', async () => {
    const t = await makeTestApp();
    const response = await signIn(t, TEST_ADMIN_TOKEN);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { label: string; csrfToken: string; expiresAt: string };
    expect(body.label).toBe('ADMIN_TOKEN (environment)');
    expect(body.csrfToken.length).toBeGreaterThan(20);
    expect(body.expiresAt).toBe('2026-11-23T22:00:00.000Z');
    const cookie = response.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(/^cc_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(cookie).not.toMatch(/Secure/);
    expect(JSON.stringify(body)).not.toContain(TEST_ADMIN_TOKEN);
  });

  it('marks the cookie Secure when served over https', async () => {
    const t = await makeTestApp();
    const response = await t.app.request('https://cx.example.com/api/v1/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: TEST_ADMIN_TOKEN }),
    });
    expect(response.headers.get('Set-Cookie')).toMatch(/; Secure/);
  });

  it('refuses a wrong token with a clear message, and an empty one naming the field', async () => {
    const t = await makeTestApp();
    const wrong = await signIn(t, 'not-the-admin-token');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: { code: 'unauthorized', message: 'That admin token is not valid (or it was revoked).' } });
    expect(wrong.headers.get('Set-Cookie')).toBeNull();
    const empty = await signIn(t, '');
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path).toBe('token');
  });

  it(`throttles wrong tokens after ${CREDENTIAL_THROTTLE.free}: 429 with a growing Retry-After, while the right token still signs in`, async () => {
    const t = await makeTestApp();
    for (let i = 0; i < CREDENTIAL_THROTTLE.free; i++) expect((await signIn(t, `guess-${i}`)).status).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const limited = await signIn(t, `more-guesses-${i}`);
      expect(limited.status).toBe(429);
      expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
      waits.push(Number(limited.headers.get('Retry-After')));
    }
    expect(waits).toEqual([1, 2, 4, 8]);
    // Lock out the guessing, not the account: same address, right token.
    expect((await signIn(t, TEST_ADMIN_TOKEN)).status).toBe(200);
  });

  it('refuses a sign-in not sent as JSON (415) or from another site (403): login CSRF', async () => {
    const t = await makeTestApp();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await signIn(t, TEST_ADMIN_TOKEN, { 'Content-Type': type });
      expect(response.status, type).toBe(415);
      expect(response.headers.get('Set-Cookie')).toBeNull();
    }
    for (const origin of ['https://evil.example', 'null', 'http://localhost.evil.example', 'chrome-extension://abcdefghijklmnop']) {
      const response = await signIn(t, TEST_ADMIN_TOKEN, { Origin: origin });
      expect(response.status, origin).toBe(403);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/other sites are refused/);
      expect(response.headers.get('Set-Cookie')).toBeNull();
    }
    // The dashboard's own origin, or none (curl, scripts), signs in; so does the public origin a reverse proxy forwards.
    expect((await signIn(t, TEST_ADMIN_TOKEN, { Origin: 'http://localhost' })).status).toBe(200);
    expect((await signIn(t, TEST_ADMIN_TOKEN)).status).toBe(200);
    const proxied = await t.app.request('http://127.0.0.1:8787/api/v1/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://cx.example.com', 'X-Forwarded-Host': 'cx.example.com' },
      body: JSON.stringify({ token: TEST_ADMIN_TOKEN }),
    });
    expect(proxied.status).toBe(200);
  });

  it('knows who is signed in, and signs out only with the CSRF token', async () => {
    const t = await makeTestApp();
    const signedIn = await signIn(t, TEST_ADMIN_TOKEN);
    const cookie = cookieOf(signedIn);
    const { csrfToken } = (await signedIn.json()) as { csrfToken: string };

    const who = await t.app.request('/api/v1/session', { headers: { Cookie: cookie } });
    expect(((await who.json()) as { label: string }).label).toBe('ADMIN_TOKEN (environment)');

    const forged = await t.app.request('/api/v1/session', { method: 'DELETE', headers: { Cookie: cookie } });
    expect(forged.status).toBe(403);
    expect((await t.app.request('/api/v1/session', { headers: { Cookie: cookie } })).status).toBe(200);

    const out = await t.app.request('/api/v1/session', { method: 'DELETE', headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken } });
    expect(out.status).toBe(204);
    expect(out.headers.get('Set-Cookie')).toMatch(/cc_session=;.*Max-Age=0/);
    expect((await t.app.request('/api/v1/session', { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('tells the dashboard the role (existing tokens are admins) and a judge’s department, at sign-in and after', async () => {
    const t = await makeTestApp();
    await insertAdminToken(t.storage, 'Jo (judge)', hashToken('jo-judge-token-0123456789abcdefgh'), t.clock.now(), { role: 'judge', department: 'sales' });
    await insertAdminToken(t.storage, 'Vi (viewer)', hashToken('vi-viewer-token-0123456789abcdefg'), t.clock.now(), { role: 'viewer' });
    for (const [token, label, role, department] of [
      [TEST_ADMIN_TOKEN, 'ADMIN_TOKEN (environment)', 'admin', null],
      ['jo-judge-token-0123456789abcdefgh', 'Jo (judge)', 'judge', 'sales'],
      ['vi-viewer-token-0123456789abcdefg', 'Vi (viewer)', 'viewer', null],
    ] as const) {
      const signedIn = await signIn(t, token);
      expect(signedIn.status).toBe(200);
      const answer = SessionInfoSchema.parse(await signedIn.json());
      expect(answer).toMatchObject({ label, role, department });
      const who = await t.app.request('/api/v1/session', { headers: { Cookie: cookieOf(signedIn) } });
      expect(SessionInfoSchema.parse(await who.json())).toEqual(answer);
    }
  });

  it('reads the role with the session on every request: a token made a viewer loses the admin routes at once', async () => {
    const t = await makeTestApp();
    const cookie = cookieOf(await signIn(t, TEST_ADMIN_TOKEN));
    expect((await t.app.request('/api/v1/admin/tokens', { headers: { Cookie: cookie } })).status).toBe(200);
    await t.storage.run(sql`UPDATE admin_tokens SET role = 'viewer' WHERE label = 'ADMIN_TOKEN (environment)'`);
    expect(await (await t.app.request('/api/v1/session', { headers: { Cookie: cookie } })).json()).toMatchObject({ role: 'viewer' });
    const refused = await t.app.request('/api/v1/admin/tokens', { headers: { Cookie: cookie } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: 'forbidden', message: "This needs the admin role; your token is a viewer's." } });
    expect((await t.app.request('/api/v1/dashboard/overview', { headers: { Cookie: cookie } })).status).toBe(200);
  });

  it('ends sessions at their expiry and when the token is revoked', async () => {
    const t = await makeTestApp();
    await insertAdminToken(t.storage, 'Dana (CX)', hashToken('dana-token-0123456789abcdefghijkl'), t.clock.now());
    const cookie = cookieOf(await signIn(t, 'dana-token-0123456789abcdefghijkl'));
    expect((await t.app.request('/api/v1/session', { headers: { Cookie: cookie } })).status).toBe(200);
    await t.storage.run(sql`UPDATE admin_tokens SET revoked_at = '2026-11-23T10:00:00Z' WHERE label = 'Dana (CX)'`);
    expect((await t.app.request('/api/v1/session', { headers: { Cookie: cookie } })).status).toBe(401);

    const other = cookieOf(await signIn(t, TEST_ADMIN_TOKEN));
    t.clock.set('2026-11-23T22:00:01Z');
    expect((await t.app.request('/api/v1/session', { headers: { Cookie: other } })).status).toBe(401);
  });

  it('stores only a hash of the session id', async () => {
    const t = await makeTestApp();
    const cookie = cookieOf(await signIn(t, TEST_ADMIN_TOKEN));
    const id = cookie.split('=')[1]!;
    const rows = await t.storage.all<{ id_hash: string }>(sql`SELECT id_hash FROM sessions`);
    expect(rows).toEqual([{ id_hash: hashToken(id) }]);
  });
});

describe('/api/v1/session across instances (stateless: sessions live in the database)', () => {
  type App = Awaited<ReturnType<typeof makeTestInstances>>['instances'][number];
  const signInOn = (app: App, token: string) =>
    app.request('/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) });
  const asSession = (app: App, path: string, cookie: string, init: { method?: string; csrf?: string } = {}) =>
    app.request(path, { method: init.method ?? 'GET', headers: { Cookie: cookie, ...(init.csrf ? { 'X-CSRF-Token': init.csrf } : {}) } });

  it('a session made on one instance works on the other; signing out on the other is honoured on both', async () => {
    const t = await makeTestInstances(2);
    try {
      const [one, two] = t.instances as [App, App];
      const signedIn = await signInOn(one, TEST_ADMIN_TOKEN);
      expect(signedIn.status).toBe(200);
      const cookie = cookieOf(signedIn);
      const { csrfToken } = (await signedIn.json()) as { csrfToken: string };

      for (const app of [two, one]) {
        const who = await asSession(app, '/api/v1/session', cookie);
        expect(who.status).toBe(200);
        expect(await who.json()).toMatchObject({ label: 'ADMIN_TOKEN (environment)', csrfToken });
        expect((await asSession(app, '/api/v1/dashboard/overview', cookie)).status).toBe(200);
        expect((await asSession(app, '/api/v1/admin/tokens', cookie)).status).toBe(200);
      }
      // The CSRF token the first instance gave is the one the second checks.
      expect((await asSession(two, '/api/v1/session', cookie, { method: 'DELETE' })).status).toBe(403);
      expect((await asSession(two, '/api/v1/session', cookie, { method: 'DELETE', csrf: csrfToken })).status).toBe(204);
      for (const app of [one, two]) {
        expect((await asSession(app, '/api/v1/session', cookie)).status).toBe(401);
        expect((await asSession(app, '/api/v1/dashboard/overview', cookie)).status).toBe(401);
        expect((await asSession(app, '/api/v1/admin/tokens', cookie)).status).toBe(401);
      }
    } finally {
      await t.close();
    }
  });

  it('a token revoked through one instance’s database connection ends its sessions on every instance', async () => {
    const t = await makeTestInstances(2);
    try {
      const [one, two] = t.instances as [App, App];
      await insertAdminToken(t.storages[1]!, 'Dana (CX)', hashToken('dana-token-0123456789abcdefghijkl'), t.clock.now());
      const cookie = cookieOf(await signInOn(one, 'dana-token-0123456789abcdefghijkl'));
      expect((await asSession(two, '/api/v1/session', cookie)).status).toBe(200);
      const dana = (await findAdminToken(t.storages[1]!, hashToken('dana-token-0123456789abcdefghijkl')))!;
      expect(await revokeAdminToken(t.storages[1]!, dana.id, t.clock.now())).toBe(true);
      for (const app of [one, two]) {
        expect((await asSession(app, '/api/v1/session', cookie)).status).toBe(401);
        const bearer = await app.request('/api/v1/admin/tokens', { headers: { Authorization: 'Bearer dana-token-0123456789abcdefghijkl' } });
        expect(bearer.status).toBe(401);
      }
    } finally {
      await t.close();
    }
  });
});
