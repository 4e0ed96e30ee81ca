import type { AdminRole } from '../../shared/src/schemas/admin-role';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../server/src/auth/tokens';
import { findAdminToken } from '../../server/src/storage/queries/find-admin-token';
import { insertAdminToken } from '../../server/src/storage/queries/insert-admin-token';
import { revokeAdminToken } from '../../server/src/storage/queries/revoke-admin-token';
import { snapshot } from '../support/admin-api';
import { personSession } from '../support/person-session';
import { makeTestApp } from '../support/test-app';

/**
 * Who may call what, checked against the app's own route table: a route
 * added tomorrow is refused to strangers here without anyone listing it,
 * unless it is added to PUBLIC below on purpose.
 */
const PUBLIC = new Set([
  'GET /health',
  // Extensions: open, or behind ENROLLMENT_KEY when the company sets one (checked below).
  'GET /api/v1/content',
  'POST /api/v1/events',
  'GET /api/v1/recognition/rounds',
  'POST /api/v1/recognition/entries',
  // An entry's status also needs its receipt (X-Entry-Receipt): without it, the entry does not exist.
  'GET /api/v1/recognition/entries/:id',
  // The validation line of a department (totals under the small-group rule, nothing about anyone).
  'GET /api/v1/validation',
  // The employees' voice form; a message's status also needs its receipt (X-Voice-Receipt).
  'POST /api/v1/voice',
  'GET /api/v1/voice/:id',
  // Announcing winners: open, or behind ENROLLMENT_KEY (header or ?key=) when the company sets one (checked below);
  // the posters' stylesheet says nothing of anyone.
  'GET /api/v1/recognition/feed.atom',
  'GET /recognition/posters/:storyId',
  'GET /recognition/poster.css',
  // Signing in is how a CX lead gets a session.
  'POST /api/v1/session',
  // What the sign-in page offers (the provider's button label, whether the token form is on): the server's settings, nothing about anyone.
  'GET /api/v1/session/options',
  // Company sign-in: the way to a session (state, PKCE and the ID token checked there; 404 when not set up).
  'GET /auth/oidc/start',
  'GET /auth/oidc/callback',
  // The dashboard's own files (it asks for a session before showing anything).
  'GET /',
  'GET /assets/:name',
]);
/** The extension's routes: behind ENROLLMENT_KEY, and the only ones extension origins may call. */
const EXTENSION_ROUTES = new Set(['GET /api/v1/content', 'POST /api/v1/events', 'GET /api/v1/recognition/rounds', 'POST /api/v1/recognition/entries', 'GET /api/v1/recognition/entries/:id', 'GET /api/v1/validation', 'POST /api/v1/voice', 'GET /api/v1/voice/:id']);
/** Routes that serve a dashboard session only (no bearer token). */
const SESSION_ONLY = new Set(['GET /api/v1/session', 'DELETE /api/v1/session', 'GET /api/v1/dashboard/overview', 'GET /api/v1/dashboard/departments/:id', 'GET /api/v1/dashboard/new-installs', 'GET /api/v1/dashboard/listening']);

/**
 * Which roles may call a guarded route, by its path (README "Admin tokens"):
 * a path outside these is a new kind of route whose roles must be decided
 * here first.
 */
function rolesFor(route: string): AdminRole[] {
  const path = route.split(' ')[1]!;
  if (path === '/api/v1/session') return ['admin', 'judge', 'viewer'];
  // Adoption: CX leads and viewers; a judge scores entries and sees no usage figures.
  if (path.startsWith('/api/v1/dashboard/') || path === '/api/v1/stats' || path === '/api/v1/stats.csv') return ['admin', 'viewer'];
  // A round's entries and winners per department are read like adoption; marking winners and publishing are the chair's.
  if (path === '/api/v1/judging/rounds/:roundId/stats') return ['admin', 'viewer'];
  if (path === '/api/v1/judging/rounds/:roundId/winners' || path === '/api/v1/judging/rounds/:roundId/publish') return ['admin'];
  if (path.startsWith('/api/v1/judging/')) return ['admin', 'judge'];
  if (path.startsWith('/api/v1/admin/')) return ['admin'];
  throw new Error(`${route}: decide which roles may call it (rolesFor) and guard it in app.ts`);
}

const ANA = 'ana-admin-token-0123456789abcdef';
/** A judge tied to sales, and a viewer. */
const JO = 'jo-judge-token-0123456789abcdefgh';
const VI = 'vi-viewer-token-0123456789abcdefg';
const NOW = '2026-11-23T10:00:00Z';

function routesOf(app: Awaited<ReturnType<typeof makeTestApp>>['app']) {
  return [...new Set(app.routes.filter((r) => r.method !== 'ALL' && !r.path.endsWith('*')).map((r) => `${r.method} ${r.path}`))].map((route) => {
    const [method, path] = route.split(' ') as [string, string];
    // Real-looking parameters, so that only the credentials decide the answer.
    const url = path.replace(':id', 'night-shift-login').replace(':day', '2026-12-01').replace(':name', 'app.js').replace(/^\/api\/v1\/validation$/, '/api/v1/validation?department=sales');
    const body = method === 'GET' ? undefined : JSON.stringify({ revision: 1 });
    return { route, method, url, body };
  });
}

/** Refused for its credentials: 401, or 429 once the same address (every test request is "local") is backing off as a guesser. */
function expectRefused(response: Response, what: string) {
  expect([401, 429], `${what} answered ${response.status}`).toContain(response.status);
  if (response.status === 429) expect(Number(response.headers.get('Retry-After')), what).toBeGreaterThan(0);
}

async function signIn(t: Awaited<ReturnType<typeof makeTestApp>>, token: string) {
  const response = await t.app.request('/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) });
  expect(response.status).toBe(200);
  return { cookie: response.headers.get('Set-Cookie')!.split(';')[0]!, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

describe('access to every route', async () => {
  const t = await makeTestApp({ now: NOW });
  const routes = routesOf(t.app);
  const guarded = routes.filter((r) => !PUBLIC.has(r.route));

  it('lists only routes that exist as public, and guards all the others', () => {
    expect(routes.length).toBeGreaterThan(35);
    for (const route of PUBLIC) expect(routes.map((r) => r.route)).toContain(route);
    expect(guarded.length).toBe(routes.length - PUBLIC.size);
  });

  it('refuses every guarded route without credentials, with a wrong token, and with the enrollment key as a token', async () => {
    const checked: string[] = [];
    for (const { route, method, url, body } of guarded) {
      for (const authorization of [undefined, 'Bearer not-a-token', 'Bearer test-admin-token-0123456789abcdeX', 'Basic dGVzdDp0ZXN0', 'Bearer ']) {
        const headers: Record<string, string> = { 'Content-Type': 'application/json' };
        if (authorization) headers.Authorization = authorization;
        const response = await t.app.request(url, { method, headers, body });
        // Without a credential there is nothing to throttle: always 401.
        if (authorization?.startsWith('Bearer ') && authorization.length > 'Bearer '.length) expectRefused(response, `${route} with ${authorization}`);
        else expect(response.status, `${route} with ${authorization ?? 'nothing'}`).toBe(401);
      }
      checked.push(route);
    }
    expect(checked).toHaveLength(guarded.length);
  });

  it('refuses a revoked token and the sessions made with it, from the next request on', async () => {
    await insertAdminToken(t.storage, 'Ana (CX)', hashToken(ANA), new Date(NOW));
    const session = await signIn(t, ANA);
    // Before revocation both work (so the refusals below are the revocation's doing).
    expect((await t.app.request('/api/v1/admin/stories', { headers: { Authorization: `Bearer ${ANA}` } })).status).toBe(200);
    expect((await t.app.request('/api/v1/dashboard/overview', { headers: { Cookie: session.cookie } })).status).toBe(200);

    await revokeAdminToken(t.storage, (await findAdminToken(t.storage, hashToken(ANA)))!.id, new Date(NOW));
    for (const { route, method, url, body } of guarded) {
      const bearer = await t.app.request(url, { method, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ANA}` }, body });
      expectRefused(bearer, `${route} with a revoked token`);
      const cookie = await t.app.request(url, {
        method,
        headers: { 'Content-Type': 'application/json', Cookie: session.cookie, 'X-CSRF-Token': session.csrf },
        body,
      });
      expectRefused(cookie, `${route} with a revoked token's session`);
    }
  });

  it('refuses changes from a live session without its CSRF token, or with another session’s', async () => {
    const mine = await signIn(t, 'test-admin-token-0123456789abcdef');
    const other = await signIn(t, 'test-admin-token-0123456789abcdef');
    const changes = guarded.filter((r) => r.method !== 'GET');
    expect(changes.length).toBeGreaterThan(15);
    for (const { route, method, url, body } of changes) {
      for (const csrf of [undefined, other.csrf, '', mine.csrf.slice(0, -1)]) {
        const headers: Record<string, string> = { 'Content-Type': 'application/json', Cookie: mine.cookie };
        if (csrf !== undefined) headers['X-CSRF-Token'] = csrf;
        const response = await t.app.request(url, { method, headers, body });
        expect(response.status, `${route} with CSRF ${JSON.stringify(csrf)}`).toBe(403);
      }
    }
  });

  it('refuses an expired session', async () => {
    const late = await makeTestApp({ now: NOW });
    const session = await signIn(late, 'test-admin-token-0123456789abcdef');
    late.clock.set('2026-11-23T22:00:01Z');
    for (const { route, method, url, body } of routesOf(late.app).filter((r) => !PUBLIC.has(r.route))) {
      const response = await late.app.request(url, {
        method,
        headers: { 'Content-Type': 'application/json', Cookie: session.cookie, 'X-CSRF-Token': session.csrf },
        body,
      });
      expectRefused(response, route);
    }
  });

  it('lets the right credentials through every guarded route (so the refusals above are about credentials)', async () => {
    const session = await signIn(t, 'test-admin-token-0123456789abcdef');
    // Signing out ends the session, so it goes last.
    const signOutLast = [...guarded].sort((a, b) => Number(a.route === 'DELETE /api/v1/session') - Number(b.route === 'DELETE /api/v1/session'));
    for (const { route, method, url, body } of signOutLast) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (SESSION_ONLY.has(route)) Object.assign(headers, { Cookie: session.cookie, 'X-CSRF-Token': session.csrf });
      else headers.Authorization = 'Bearer test-admin-token-0123456789abcdef';
      const response = await t.app.request(url, { method, headers, body });
      expect([401, 403], `${route} with valid credentials answered ${response.status}`).not.toContain(response.status);
    }
  });

  it('lets each role through only the routes of its role, by token, by a token\'s session and by a person\'s (company sign-in); the others answer 403 naming both roles, and change nothing', async () => {
    const roles = await makeTestApp({ now: NOW });
    await insertAdminToken(roles.storage, 'Jo (judge)', hashToken(JO), new Date(NOW), { role: 'judge', department: 'sales' });
    await insertAdminToken(roles.storage, 'Vi (viewer)', hashToken(VI), new Date(NOW), { role: 'viewer' });
    const tokens: Record<AdminRole, string> = { admin: 'test-admin-token-0123456789abcdef', judge: JO, viewer: VI };
    const walk = routesOf(roles.app).filter((r) => !PUBLIC.has(r.route));
    const signOutLast = [...walk].sort((a, b) => Number(a.route === 'DELETE /api/v1/session') - Number(b.route === 'DELETE /api/v1/session'));
    const refused: Record<AdminRole, number> = { admin: 0, judge: 0, viewer: 0 };
    for (const role of ['admin', 'judge', 'viewer'] as const) {
      const session = await signIn(roles, tokens[role]);
      // A person whose groups give the role, signed in with the company's provider.
      const person = await personSession(roles.storage, { subject: `${role}-person`, name: `${role} person`, groupRole: role, department: role === 'judge' ? 'sales' : null }, new Date(NOW));
      for (const { route, method, url, body } of signOutLast) {
        const allowed = rolesFor(route).includes(role);
        const credentials: Record<string, string>[] = [{ Cookie: session.cookie, 'X-CSRF-Token': session.csrf }, { Cookie: person.cookie, 'X-CSRF-Token': person.csrf }];
        if (!SESSION_ONLY.has(route)) credentials.push({ Authorization: `Bearer ${tokens[role]}` });
        for (const credential of credentials) {
          // The refusal comes before any handler: a refused change changes nothing.
          const before = !allowed && method !== 'GET' ? await snapshot(roles) : undefined;
          const response = await roles.app.request(url, { method, headers: { 'Content-Type': 'application/json', ...credential }, body });
          const by = credential.Cookie === person.cookie ? 'person' : credential.Cookie ? 'session' : 'token';
          const what = `${route} as ${role} by ${by}`;
          if (allowed) {
            expect([401, 403], `${what} answered ${response.status}`).not.toContain(response.status);
          } else {
            expect(response.status, what).toBe(403);
            const message = ((await response.json()) as { error: { message: string } }).error.message;
            const theirs = by === 'person' ? `you are signed in as an? ${role}` : `your token is an? ${role}'s`;
            expect(message, what).toMatch(new RegExp(`^This needs the (admin|admin or viewer|admin or judge) role; ${theirs}\\.$`));
            refused[role]++;
            if (before !== undefined) expect(await snapshot(roles), what).toBe(before);
          }
        }
      }
    }
    expect(refused.admin).toBe(0);
    // Every admin route refuses judges and viewers (all three ways); the adoption routes refuse judges too.
    const adminRoutes = walk.filter((r) => r.url.startsWith('/api/v1/admin/')).length;
    expect(adminRoutes).toBeGreaterThan(25);
    expect(refused.judge).toBeGreaterThanOrEqual(adminRoutes * 3 + 2 * 3 + 3);
    expect(refused.viewer).toBeGreaterThanOrEqual(adminRoutes * 3);
  });

  it('guards the judging paths now, before their routes exist: no credential 401, a viewer 403, a judge or an admin through', async () => {
    const roles = await makeTestApp({ now: NOW });
    await insertAdminToken(roles.storage, 'Jo (judge)', hashToken(JO), new Date(NOW), { role: 'judge', department: 'sales' });
    await insertAdminToken(roles.storage, 'Vi (viewer)', hashToken(VI), new Date(NOW), { role: 'viewer' });
    const paths = ['/api/v1/judging/rounds/2027-q1/entries', '/api/v1/judging/rounds/2027-q1/summary', '/api/v1/judging/no-such-thing'];
    for (const path of paths) {
      const as = (authorization?: string) => roles.app.request(path, { headers: authorization ? { Authorization: `Bearer ${authorization}` } : {} });
      expect((await as()).status, path).toBe(401);
      const viewer = await as(VI);
      expect(viewer.status, path).toBe(403);
      expect(((await viewer.json()) as { error: { message: string } }).error.message).toBe("This needs the admin or judge role; your token is a viewer's.");
      expect(viewer.headers.get('Cache-Control')).toBe('no-store');
      for (const token of [JO, 'test-admin-token-0123456789abcdef']) expect([401, 403], path).not.toContain((await as(token)).status);
    }
    const viewerSession = await signIn(roles, VI);
    const put = await roles.app.request('/api/v1/judging/entries/e-1/scorecard', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Cookie: viewerSession.cookie, 'X-CSRF-Token': viewerSession.csrf },
      body: '{"scores":[]}',
    });
    expect(put.status).toBe(403);
  });

  it('judging: a round\'s stats for admins and viewers only, winners and publishing for the chair only, scorecards never for a viewer', async () => {
    const roles = await makeTestApp({ now: NOW });
    await insertAdminToken(roles.storage, 'Jo (judge)', hashToken(JO), new Date(NOW), { role: 'judge', department: 'sales' });
    await insertAdminToken(roles.storage, 'Vi (viewer)', hashToken(VI), new Date(NOW), { role: 'viewer' });
    const as = async (token: string, method: string, path: string, body?: string) => {
      const response = await roles.app.request(`/api/v1/judging${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body });
      return { status: response.status, message: ((await response.json()) as { error?: { message: string } }).error?.message };
    };
    expect((await as(VI, 'GET', '/rounds/2027-q1/stats')).status).toBe(200);
    expect(await as(JO, 'GET', '/rounds/2027-q1/stats')).toEqual({ status: 403, message: "This needs the admin or viewer role; your token is a judge's." });
    for (const [method, path, body] of [['PUT', '/rounds/2027-q1/winners', '{"entryIds":[]}'], ['POST', '/rounds/2027-q1/publish', undefined]] as const) {
      expect(await as(JO, method, path, body)).toEqual({ status: 403, message: "This needs the admin role; your token is a judge's." });
      expect((await as(VI, method, path, body)).status).toBe(403);
    }
    expect(await as(VI, 'PUT', '/entries/e-aaaaaaaaaaaa/scorecard', '{"scores":[]}')).toEqual({ status: 403, message: "This needs the admin or judge role; your token is a viewer's." });
    expect((await as(VI, 'GET', '/rounds')).status).toBe(403);
  });

  it('the voice inbox and its answers are for admins only: a judge and a viewer get 403, by token and by session, and nothing changes', async () => {
    const roles = await makeTestApp({ now: NOW });
    await insertAdminToken(roles.storage, 'Jo (judge)', hashToken(JO), new Date(NOW), { role: 'judge', department: 'sales' });
    await insertAdminToken(roles.storage, 'Vi (viewer)', hashToken(VI), new Date(NOW), { role: 'viewer' });
    const calls = [
      ['GET', '/api/v1/admin/voice', undefined],
      ['GET', '/api/v1/admin/voice?department=small', undefined],
      ['PUT', '/api/v1/admin/voice/v-aaaaaaaaaaaa', '{"revision":1,"status":"adopted"}'],
      ['POST', '/api/v1/admin/voice/v-aaaaaaaaaaaa/share', '{"revision":1,"said":"x","days":1}'],
      ['POST', '/api/v1/admin/voice/v-aaaaaaaaaaaa/story', '{"revision":1}'],
    ] as const;
    for (const [role, token] of [['judge', JO], ['viewer', VI]] as const) {
      const session = await signIn(roles, token);
      for (const [method, path, body] of calls) {
        for (const credential of [{ Authorization: `Bearer ${token}` }, { Cookie: session.cookie, 'X-CSRF-Token': session.csrf }] as Record<string, string>[]) {
          const before = await snapshot(roles);
          const response = await roles.app.request(path, { method, headers: { 'Content-Type': 'application/json', ...credential }, body });
          expect(response.status, `${method} ${path} as ${role}`).toBe(403);
          expect(((await response.json()) as { error: { message: string } }).error.message).toBe(`This needs the admin role; your token is a ${role}'s.`);
          expect(await snapshot(roles)).toBe(before);
        }
      }
    }
    // Listening stats are read like adoption: a viewer may, a judge may not.
    const viewer = await signIn(roles, VI);
    expect((await roles.app.request('/api/v1/dashboard/listening', { headers: { Cookie: viewer.cookie } })).status).toBe(200);
    const judge = await signIn(roles, JO);
    expect((await roles.app.request('/api/v1/dashboard/listening', { headers: { Cookie: judge.cookie } })).status).toBe(403);
  });

  it('with ENROLLMENT_KEY set, the extension routes refuse a missing or wrong key', async () => {
    const enrolled = await makeTestApp({ now: NOW, config: { enrollmentKey: 'company-enrollment-key' } });
    const extensionRoutes = routesOf(enrolled.app).filter((r) => EXTENSION_ROUTES.has(r.route));
    expect(extensionRoutes.map((r) => r.route).sort()).toEqual([...EXTENSION_ROUTES].sort());
    for (const { route, method, url } of extensionRoutes) {
      const body = method === 'POST' ? '{"events":[]}' : undefined;
      for (const authorization of [undefined, 'Bearer wrong-enrollment-key', 'Bearer test-admin-token-0123456789abcdef']) {
        const headers: Record<string, string> = { 'Content-Type': 'application/json' };
        if (authorization) headers.Authorization = authorization;
        const response = await enrolled.app.request(url, { method, headers, body });
        // A wrong key counts as a guess: 429 once the address backs off.
        if (authorization) expectRefused(response, `${route} with ${authorization}`);
        else expect(response.status, `${route} with nothing`).toBe(401);
      }
      const ok = await enrolled.app.request(url, { method, headers: { Authorization: 'Bearer company-enrollment-key', 'Content-Type': 'application/json' }, body });
      // Past the key: answered (an empty batch, an empty entry or an unknown entry are the route's own refusals).
      expect([200, 400, 404], route).toContain(ok.status);
    }
  });

  it('with ENROLLMENT_KEY set, the recognition feed and posters refuse a missing or wrong key, in the header or the address', async () => {
    const enrolled = await makeTestApp({ now: NOW, config: { enrollmentKey: 'company-enrollment-key' } });
    for (const path of ['/api/v1/recognition/feed.atom', '/recognition/posters/recognized-e-none']) {
      expect((await enrolled.app.request(path)).status, `${path} with nothing`).toBe(401);
      expectRefused(await enrolled.app.request(path, { headers: { Authorization: 'Bearer wrong-enrollment-key' } }), `${path} with a wrong header`);
      expectRefused(await enrolled.app.request(`${path}?key=wrong-enrollment-key`), `${path} with a wrong key in the address`);
      expectRefused(await enrolled.app.request(path, { headers: { Authorization: 'Bearer test-admin-token-0123456789abcdef' } }), `${path} with an admin token`);
      // Past the key: the feed, or a poster that does not exist.
      for (const headers of [{ Authorization: 'Bearer company-enrollment-key' }, {}] as Record<string, string>[]) {
        const url = headers.Authorization ? path : `${path}?key=company-enrollment-key`;
        expect((await enrolled.app.request(url, { headers })).status, url).toBe(path.endsWith('.atom') ? 200 : 404);
      }
    }
  });

  it('puts the security headers on every answer, errors included', async () => {
    for (const { route, method, url, body } of routes) {
      for (const headers of [{}, { Authorization: 'Bearer test-admin-token-0123456789abcdef' }] as Record<string, string>[]) {
        const response = await t.app.request(url, { method, headers: { 'Content-Type': 'application/json', ...headers }, body });
        const csp = response.headers.get('Content-Security-Policy') ?? '';
        expect(csp, route).toContain("frame-ancestors 'none'");
        // Scripts only from the server itself (pages), or nothing at all (API answers); never inline.
        expect(csp, route).toMatch(/script-src 'self'|^default-src 'none'/);
        expect(csp, route).not.toContain('unsafe-inline');
        expect(response.headers.get('X-Content-Type-Options'), route).toBe('nosniff');
        expect(response.headers.get('Referrer-Policy'), route).toBe('no-referrer');
      }
    }
  });

  it('marks every signed-in answer Cache-Control: no-store, refusals and errors included', async () => {
    const fresh = await makeTestApp({ now: NOW });
    const session = await signIn(fresh, 'test-admin-token-0123456789abcdef');
    const signedIn = routesOf(fresh.app).filter((r) => /^\/api\/v1\/(session|dashboard\/|admin\/|judging\/|stats(\.csv)?$)/.test(r.url));
    expect(signedIn.length).toBeGreaterThan(30);
    const signOutLast = [...signedIn].sort((a, b) => Number(a.route === 'DELETE /api/v1/session') - Number(b.route === 'DELETE /api/v1/session'));
    for (const { route, method, url, body } of signOutLast) {
      for (const credentials of [{}, { Authorization: 'Bearer test-admin-token-0123456789abcdef' }, { Cookie: session.cookie, 'X-CSRF-Token': session.csrf }] as Record<string, string>[]) {
        const response = await fresh.app.request(url, { method, headers: { 'Content-Type': 'application/json', ...credentials }, body });
        expect(response.headers.get('Cache-Control'), `${route} (${response.status})`).toBe('no-store');
      }
    }
    // Also a query that fails validation, and an unknown path under a signed-in prefix.
    const bad = await fresh.app.request('/api/v1/stats?from=nope', { headers: { Authorization: 'Bearer test-admin-token-0123456789abcdef' } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('Cache-Control')).toBe('no-store');
    expect((await fresh.app.request('/api/v1/admin/nothing-here', { headers: { Authorization: 'Bearer test-admin-token-0123456789abcdef' } })).headers.get('Cache-Control')).toBe('no-store');
    const signInAnswer = await fresh.app.request('/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: 'test-admin-token-0123456789abcdef' }) });
    expect(signInAnswer.status).toBe(200);
    expect(signInAnswer.headers.get('Cache-Control')).toBe('no-store');
    // What extensions sync stays revalidated, not uncacheable.
    expect((await fresh.app.request('/api/v1/content')).headers.get('Cache-Control')).toBe('no-cache');
    expect((await fresh.app.request('/api/v1/validation?department=sales')).headers.get('Cache-Control')).toBe('private, no-cache');
  });

  it('allows cross-origin calls only from extension origins, and only to the extension routes', async () => {
    for (const { route, method, url, body } of routes) {
      for (const origin of ['https://evil.example', 'null', 'chrome-extension://abcdefghijklmnop.evil.example', 'http://127.0.0.1:8787']) {
        const response = await t.app.request(url, { method, headers: { Origin: origin, 'Content-Type': 'application/json' }, body });
        expect(response.headers.get('Access-Control-Allow-Origin'), `${route} from ${origin}`).toBeNull();
      }
      const fromExtension = await t.app.request(url, { method, headers: { Origin: 'chrome-extension://abcdefghijklmnop', 'Content-Type': 'application/json' }, body });
      const allowed = fromExtension.headers.get('Access-Control-Allow-Origin');
      if (EXTENSION_ROUTES.has(route)) expect(allowed, route).toBe('chrome-extension://abcdefghijklmnop');
      else expect(allowed, route).toBeNull();
    }
  });
});
