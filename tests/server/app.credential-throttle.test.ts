import { describe, expect, it } from 'vitest';
import { CREDENTIAL_THROTTLE } from '../../server/src/auth/credential-throttle';
import { makeTestApp, TEST_ADMIN_TOKEN } from '../support/test-app';
import { makeTestInstances } from '../support/test-instances';

const KEY = 'company-enrollment-key-0123456789';

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

/** A request from `address`, with the bindings @hono/node-server gives the app (the peer's socket, the parsed headers). */
function request(t: Pick<TestApp, 'app'>, path: string, init: { method?: string; headers?: Record<string, string>; body?: string }, address: string) {
  const headers = Object.fromEntries(Object.entries(init.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  return t.app.request(path, init, { incoming: { socket: { remoteAddress: address }, headers } });
}

/** Every way of presenting a credential, wrong when `credential` is. */
const PATHS: Record<string, (t: Pick<TestApp, 'app'>, credential: string, address: string) => Promise<Response>> = {
  'sign-in': async (t, token, address) =>
    request(t, '/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) }, address),
  'admin bearer': async (t, token, address) => request(t, '/api/v1/admin/stories', { headers: { Authorization: `Bearer ${token}` } }, address),
  'stats bearer': async (t, token, address) => request(t, '/api/v1/stats', { headers: { Authorization: `Bearer ${token}` } }, address),
  'session cookie': async (t, id, address) => request(t, '/api/v1/dashboard/overview', { headers: { Cookie: `cc_session=${id}` } }, address),
  'enrollment key': async (t, key, address) => request(t, '/api/v1/content', { headers: { Authorization: `Bearer ${key}` } }, address),
  'enrollment key in a feed address': async (t, key, address) => request(t, `/api/v1/recognition/feed.atom?key=${encodeURIComponent(key)}`, {}, address),
};

const right = (path: string) => (path.startsWith('enrollment key') ? KEY : TEST_ADMIN_TOKEN);

describe('one credential throttle across the app', () => {
  for (const [path, present] of Object.entries(PATHS)) {
    it(`${path}: ten wrong guesses go free, then 429 with a growing Retry-After; the right credential still works from that address`, async () => {
      const t = await makeTestApp({ config: { enrollmentKey: KEY } });
      for (let i = 0; i < 10; i++) expect((await present(t, `${i}-wrong-guess-${i}`, '203.0.113.7')).status).toBe(401);
      const waits: string[] = [];
      for (let i = 0; i < 3; i++) {
        const limited = await present(t, `${i}-again-wrong-${i}`, '203.0.113.7');
        expect(limited.status).toBe(429);
        expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
        waits.push(limited.headers.get('Retry-After')!);
      }
      expect(waits).toEqual(['1', '2', '4']);
      // The correct credential, from the very address that is backing off.
      if (path === 'session cookie') {
        const signedIn = await PATHS['sign-in']!(t, TEST_ADMIN_TOKEN, '203.0.113.7');
        expect(signedIn.status).toBe(200);
        const id = signedIn.headers.get('Set-Cookie')!.split(';')[0]!.split('=')[1]!;
        expect((await present(t, id, '203.0.113.7')).status).toBe(200);
      } else {
        expect((await present(t, right(path), '203.0.113.7')).status).toBe(200);
      }
      // A colleague behind another address, presenting another kind of token, is not slowed down.
      expect((await present(t, 'zz-colleague-typo', '198.51.100.2')).status).toBe(401);
    });
  }

  it('counts guesses across the paths together: sign-in, bearer and enrollment key share one budget', async () => {
    const t = await makeTestApp({ config: { enrollmentKey: KEY } });
    const order = ['sign-in', 'admin bearer', 'enrollment key', 'session cookie', 'stats bearer'];
    for (let i = 0; i < 10; i++) expect((await PATHS[order[i % 5]!]!(t, `${i}-mixed-guess`, '203.0.113.9')).status).toBe(401);
    for (const path of order) expect((await PATHS[path]!(t, `${path.replace(' ', '-')}-one-more`, '203.0.113.9')).status, path).toBe(429);
  });

  it('throttles one prefix guessed from many addresses (a spread-out guesser)', async () => {
    const t = await makeTestApp();
    for (let i = 0; i < 10; i++) expect((await PATHS['admin bearer']!(t, `cc_admin_guess-${i}`, `192.0.2.${i}`)).status).toBe(401);
    const limited = await PATHS['admin bearer']!(t, 'cc_admin_guess-next', '192.0.2.200');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
  });

  it('does not count requests without a credential, nor malformed sign-ins', async () => {
    const t = await makeTestApp();
    for (let i = 0; i < 30; i++) expect((await request(t, '/api/v1/admin/stories', {}, '203.0.113.5')).status).toBe(401);
    for (let i = 0; i < 30; i++) expect((await PATHS['sign-in']!(t, '', '203.0.113.5')).status).toBe(400);
    expect((await PATHS['admin bearer']!(t, 'first-real-guess', '203.0.113.5')).status).toBe(401);
  });

  it(`counts in the database: ${CREDENTIAL_THROTTLE.free} wrong guesses spread over three instances back off after ${CREDENTIAL_THROTTLE.free}, not ${3 * CREDENTIAL_THROTTLE.free}`, async () => {
    const t = await makeTestInstances(3, { config: { enrollmentKey: KEY } });
    try {
      const apps = t.instances.map((app) => ({ app }));
      const order = ['sign-in', 'admin bearer', 'enrollment key', 'session cookie', 'stats bearer'];
      for (let i = 0; i < CREDENTIAL_THROTTLE.free; i++) {
        expect((await PATHS[order[i % 5]!]!(apps[i % 3]!, `${i}-spread-guess`, '203.0.113.11')).status, `guess ${i + 1}`).toBe(401);
      }
      // The next guess backs off on every instance, whichever counted the ones before.
      const waits: string[] = [];
      for (const app of apps) {
        const limited = await PATHS['admin bearer']!(app, 'one-more-spread-guess', '203.0.113.11');
        expect(limited.status).toBe(429);
        waits.push(limited.headers.get('Retry-After')!);
      }
      expect(waits).toEqual(['1', '2', '4']);
      // The right token still works on each, from that address; another address is not slowed down.
      for (const app of apps) {
        expect((await PATHS['admin bearer']!(app, TEST_ADMIN_TOKEN, '203.0.113.11')).status).toBe(200);
        expect((await PATHS['admin bearer']!(app, 'zz-colleague-typo', '198.51.100.3')).status).toBe(401);
      }
    } finally {
      await t.close();
    }
  });

  it('counts guesses sent to three instances at once without losing any', async () => {
    const t = await makeTestInstances(3);
    try {
      const apps = t.instances.map((app) => ({ app }));
      const guesses = CREDENTIAL_THROTTLE.free + 6;
      const answers = await Promise.all(
        Array.from({ length: guesses }, (_, i) => PATHS['admin bearer']!(apps[i % 3]!, `${i}-simultaneous-${i}`, '203.0.113.12')),
      );
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 401)).toHaveLength(CREDENTIAL_THROTTLE.free);
      expect(statuses.filter((status) => status === 429)).toHaveLength(6);
      const waits = answers.filter((answer) => answer.status === 429).map((answer) => Number(answer.headers.get('Retry-After')));
      expect(waits.sort((a, b) => a - b)).toEqual([1, 2, 4, 8, 16, 32]);
    } finally {
      await t.close();
    }
  });
});
