import { describe, expect, it } from 'vitest';
import { hashToken } from '../../../server/src/auth/tokens';
import { insertAdminToken } from '../../../server/src/queries/insert-admin-token';
import { SIGN_IN_ATTEMPTS } from '../../../server/src/routes/session';
import { makeTestApp, TEST_ADMIN_TOKEN } from '../../support/test-app';

type TestApp = ReturnType<typeof makeTestApp>;

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
    const t = makeTestApp();
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
    const t = makeTestApp();
    const response = await t.app.request('https://cx.example.com/api/v1/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: TEST_ADMIN_TOKEN }),
    });
    expect(response.headers.get('Set-Cookie')).toMatch(/; Secure/);
  });

  it('refuses a wrong token with a clear message, and an empty one naming the field', async () => {
    const t = makeTestApp();
    const wrong = await signIn(t, 'not-the-admin-token');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: { code: 'unauthorized', message: 'That admin token is not valid (or it was revoked).' } });
    expect(wrong.headers.get('Set-Cookie')).toBeNull();
    const empty = await signIn(t, '');
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path).toBe('token');
  });

  it(`rate limits failed sign-ins: after ${SIGN_IN_ATTEMPTS} the next gets 429 with Retry-After, even with the right token`, async () => {
    const t = makeTestApp();
    for (let i = 0; i < SIGN_IN_ATTEMPTS; i++) expect((await signIn(t, `guess-${i}`)).status).toBe(401);
    const limited = await signIn(t, TEST_ADMIN_TOKEN);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBe(900);
    t.clock.set('2026-11-23T10:15:00Z');
    expect((await signIn(t, TEST_ADMIN_TOKEN)).status).toBe(200);
  });

  it('knows who is signed in, and signs out only with the CSRF token', async () => {
    const t = makeTestApp();
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

  it('ends sessions at their expiry and when the token is revoked', async () => {
    const t = makeTestApp();
    insertAdminToken(t.db, 'Dana (CX)', hashToken('dana-token-0123456789'), t.clock.now());
    const cookie = cookieOf(await signIn(t, 'dana-token-0123456789'));
    expect((await t.app.request('/api/v1/session', { headers: { Cookie: cookie } })).status).toBe(200);
    t.db.prepare("UPDATE admin_tokens SET revoked_at = '2026-11-23T10:00:00Z' WHERE label = 'Dana (CX)'").run();
    expect((await t.app.request('/api/v1/session', { headers: { Cookie: cookie } })).status).toBe(401);

    const other = cookieOf(await signIn(t, TEST_ADMIN_TOKEN));
    t.clock.set('2026-11-23T22:00:01Z');
    expect((await t.app.request('/api/v1/session', { headers: { Cookie: other } })).status).toBe(401);
  });

  it('stores only a hash of the session id', async () => {
    const t = makeTestApp();
    const cookie = cookieOf(await signIn(t, TEST_ADMIN_TOKEN));
    const id = cookie.split('=')[1]!;
    const rows = t.db.prepare('SELECT id_hash FROM sessions').all() as { id_hash: string }[];
    expect(rows).toEqual([{ id_hash: hashToken(id) }]);
  });
});
