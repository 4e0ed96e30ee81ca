import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../shared/src/schemas/api-error';
import { countEvents } from '../../server/src/storage/queries/count-events';
import { databaseChecksum } from '../support/database-checksum';
import { makeEvent, uuidv7 } from '../support/make-event';
import { makeTestApp } from '../support/test-app';
import { STORY_DRAFT } from '../support/admin-api';
import { DEMO_ROUND_ID, entryDraft, roundDraft } from '../support/recognition-api';
import { sentVoice, voiceDraft } from '../support/voice-api';

/**
 * Generated bad input against every route of the app (taken from its route
 * table, so a new route is fuzzed without anyone remembering to add it):
 * the answer is never 5xx, refusals use the API's error shape, and a refused
 * request leaves every row of every table as it was.
 */
const RUNS_PER_ROUTE = 80;
const NOW = '2026-11-23T10:00:00Z';
// A built dashboard, with a file beside it that no path may reach.
const site = mkdtempSync(join(tmpdir(), 'cc-fuzz-'));
mkdirSync(join(site, 'dist', 'assets'), { recursive: true });
writeFileSync(join(site, 'dist', 'index.html'), '<!doctype html><title>dashboard</title>');
writeFileSync(join(site, 'dist', 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(site, 'secret.js'), 'TOP-SECRET');
const t = await makeTestApp({ now: NOW, config: { rateLimitEventsPerMinute: 0, dashboardDir: join(site, 'dist') } });
let cases = 0;
const statuses = new Map<number, number>();

afterAll(() => {
  rmSync(site, { recursive: true, force: true });
  console.log(
    `api fuzz: ${cases} generated requests; statuses ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(', ')}`,
  );
});

/** Every route that answers a request (method and path), as the app declares them. */
const ROUTES = [
  ...new Set(t.app.routes.filter((r) => r.method !== 'ALL' && !r.path.endsWith('*')).map((r) => `${r.method} ${r.path}`)),
].map((route) => {
  const [method, path] = route.split(' ') as [string, string];
  return { method, path };
});

const story = STORY_DRAFT;
// Voice messages the admin routes can find (a customer voice, a lesson), so the fuzz reaches past 404.
const voiceSaid = await sentVoice(t, { kind: 'customer_said' });
const voiceLesson = await sentVoice(t, { kind: 'lesson' });
const round = roundDraft({ name: '2027 Q2', submissionOpens: '2027-01-12', submissionCloses: '2027-03-31', judgingEnds: '2027-04-20', announceOn: '2027-04-27' });
const three = [{ text: 'Visit a customer site.' }, { text: 'Read five tickets.' }, { text: 'Call one customer.' }];

/** A valid body per route, which the generators then break one field at a time. */
const TEMPLATES: Record<string, () => Record<string, unknown>> = {
  'POST /api/v1/events': () => ({
    events: [makeEvent({ at: NOW }), makeEvent({ at: NOW }), makeEvent({ at: NOW, type: 'team_thanked', department: 'sales', role: 'sales', storyId: 'forklift-label-height', thankedDepartment: 'operations' })],
  }),
  'POST /api/v1/session': () => ({ token: 'not-the-admin-token-0123456789' }),
  'POST /api/v1/admin/stories': () => ({ ...story }),
  'PUT /api/v1/admin/stories/:id': () => ({ ...story, revision: 1 }),
  'POST /api/v1/admin/stories/:id/archive': () => ({ revision: 1 }),
  'POST /api/v1/admin/stories/:id/restore': () => ({ revision: 1 }),
  'PUT /api/v1/admin/schedule/:day': () => ({ storyId: 'night-shift-login', previous: null }),
  'POST /api/v1/admin/prompts': () => ({ text: 'Would a customer pay for this?', where: 'meeting' }),
  'PUT /api/v1/admin/prompts/:id': () => ({ text: 'Would a customer pay for this?', where: 'both', revision: 1 }),
  'DELETE /api/v1/admin/prompts/:id': () => ({ revision: 1 }),
  'POST /api/v1/admin/roles': () => ({ name: 'Field service', actions: three }),
  'PUT /api/v1/admin/roles/:id': () => ({ name: 'Field service', revision: 1 }),
  'PUT /api/v1/admin/roles/:id/actions': () => ({ actions: three, revision: 1 }),
  'DELETE /api/v1/admin/roles/:id': () => ({ revision: 1 }),
  'POST /api/v1/admin/departments': () => ({ name: 'Field Service', headcount: 40 }),
  'PUT /api/v1/admin/departments/:id': () => ({ name: 'Field Service', headcount: null, revision: 1 }),
  'DELETE /api/v1/admin/departments/:id': () => ({ revision: 1 }),
  'PUT /api/v1/admin/settings': () => ({ timezone: 'America/New_York', revision: 1 }),
  'POST /api/v1/admin/import': () => ({ stories: [{ ...story, roles: 'support' }] }),
  // A new install each time, so that the per-install limit is not what refuses.
  'POST /api/v1/recognition/entries': () => ({ ...entryDraft() }),
  'POST /api/v1/admin/recognition/rounds': () => structuredClone(round),
  'PUT /api/v1/admin/recognition/rounds/:id': () => ({ ...structuredClone(round), revision: 1 }),
  'DELETE /api/v1/admin/recognition/rounds/:id': () => ({ revision: 1 }),
  'PUT /api/v1/judging/entries/:entryId/scorecard': () => ({
    scores: [
      { criterionId: 'less-waiting', score: 4 },
      { criterionId: 'reusable-method', score: 3 },
      { criterionId: 'customer-acknowledged', score: 5 },
    ],
    feedback: 'Measured well.',
    panelNote: 'Strong.',
  }),
  'PUT /api/v1/judging/rounds/:roundId/winners': () => ({ entryIds: ['e-aaaaaaaaaaaa'] }),
  // A new sender key each time, so that the daily limit is not what refuses.
  'POST /api/v1/voice': () => ({ ...voiceDraft() }),
  'PUT /api/v1/admin/voice/:id': () => ({ revision: 1, status: 'adopted', reply: { said: 'You said.', did: 'We did.', days: 3 } }),
  'POST /api/v1/admin/voice/:id/share': () => ({ revision: 1, said: 'A lesson.', days: 3 }),
  'POST /api/v1/admin/voice/:id/story': () => ({ revision: 1 }),
};

const UNICODE = ['', ' ', '\u0000', '\uFEFF', '\uD800', '\uDFFF', '\u202E', '\u200B', 'é', 'e\u0301', '👩🏽‍💻', '𝔘𝔫𝔦', '\r\n', '<script>alert(1)</script>', "'; DROP TABLE events; --"];
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(...UNICODE, '__proto__', 'constructor', 'a'.repeat(5000), 'a'.repeat(70_000), '2026-13-40', '9999-12-31T23:59:59Z', '1970-01-01T00:00:00Z', 'NaN', '-1'),
  fc.integer(),
  fc.constantFrom(-1, 0, 1e308, -0, Number.MAX_SAFE_INTEGER + 2, 0.5),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 5 }),
);
const segment = fc.oneof(
  fc.constantFrom(
    'night-shift-login',
    'support',
    'engineering',
    'demo-prompt',
    DEMO_ROUND_ID,
    'e-aaaaaaaaaaaa',
    voiceSaid.messageId,
    voiceLesson.messageId,
    'v-aaaaaaaaaaaa',
    '2026-12-01',
    '2026-11-23',
    '1999-01-01',
    '2026-02-30',
    '__proto__',
    'constructor',
    'prototype',
    '..',
    '%2e%2e%2f',
    '..%2Fsecret.js',
    '..%2F..%2Fsecret.js',
    '%2e%2e%2fsecret.js',
    'app.js',
    'x'.repeat(300),
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map(encodeURIComponent),
);
const query = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    '?from=2026-11-01&to=2026-11-30',
    '?from=2026-11-30&to=2026-11-01',
    '?from=0000-01-01&to=9999-12-31',
    '?from=1900-01-01&to=2100-12-31',
    '?from=x&to=y',
    '?mode=apply',
    '?mode=preview',
    '?mode=%00',
    '?status=all',
    '?status=deleted',
    '?q=%25%5F%27',
    '?limit=-1',
    '?limit=1000000000',
    '?before=zzz',
    '?entity=__proto__',
    '?view=weekly',
    '?view=nope',
    '?department=small',
    '?kind=lesson&status=new',
    '?kind=complaint',
    '?department=manufacturing',
    '?department=nowhere',
    '?department=%00',
    '?department=Manufacturing',
    '?department=sales&department=legal',
    '?__proto__[polluted]=1',
    '?constructor[prototype][polluted]=1',
  ),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }), { maxKeys: 4 }).map((d) => `?${new URLSearchParams(d)}`),
);

/** Sets a key as a real own property, so "__proto__" reaches the JSON as an attacker would send it. */
function withKey(object: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(object, key, { value, enumerable: true, configurable: true, writable: true });
  return object;
}

function bodies(route: string): fc.Arbitrary<string | Uint8Array | undefined> {
  const template: () => Record<string, unknown> = TEMPLATES[route] ?? (() => ({ value: 1 }));
  const keys = Object.keys(template());
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
    {
      weight: 6,
      // A valid body with one field replaced, removed or added.
      arbitrary: fc
        .record({ field: fc.constantFrom(...keys, '__proto__', 'constructor', 'prototype', 'revision', 'id', 'extra'), value: nasty, drop: fc.boolean() })
        .map(({ field, value, drop }) => {
          const body = template();
          if (drop) delete body[field];
          else withKey(body, field, value);
          return JSON.stringify(body);
        }),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 1, max: 20_000 }).map((depth) => (depth % 2 ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth))),
    },
    { weight: 1, arbitrary: fc.constant('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}') },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 200 }).map((cut) => JSON.stringify(template()).slice(0, cut)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.constantFrom('x'.repeat(300_000), `{"text":"${'é'.repeat(40_000)}"}`, 'title,customer\n"unterminated', '\uFEFFtitle;customer;body\n;;', 'null', '[]', '""') },
  );
}

const contentType = fc.constantFrom(
  'application/json',
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'text/csv',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/json; charset=utf-16',
  undefined,
);

let session: { cookie: string; csrfToken: string } | undefined;
async function signIn() {
  const response = await t.app.request('/api/v1/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: 'test-admin-token-0123456789abcdef' }),
  });
  const cookie = response.headers.get('Set-Cookie')!.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

describe('every route under generated bad input', () => {
  it.each(ROUTES)('$method $path never answers 5xx and changes nothing when it refuses', async ({ method, path }) => {
    const route = `${method} ${path}`;
    // One session for all (fuzzing the sign-in route soon reaches its failed-attempts limit).
    session ??= await signIn();
    // The checksum of the database as the last case left it, when that case showed it unchanged: the next
    // case starts from it instead of reading every table again (a case that wrote, or failed, leaves none).
    let known: string | undefined;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          params: fc.array(segment, { minLength: 3, maxLength: 3 }),
          query,
          body: bodies(route),
          contentType,
          auth: fc.constantFrom('admin', 'admin', 'admin', 'session', 'session-no-csrf', 'none', 'wrong'),
        }),
        async ({ params, query, body, contentType, auth }) => {
          cases++;
          let i = 0;
          const url = path.replace(/:[a-z]+/gi, () => params[i++]!) + query;
          const headers: Record<string, string> = {};
          if (contentType) headers['Content-Type'] = contentType;
          if (auth === 'admin') headers.Authorization = 'Bearer test-admin-token-0123456789abcdef';
          if (auth === 'wrong') headers.Authorization = 'Bearer test-admin-token-0123456789abcdeX';
          if (auth.startsWith('session')) headers.Cookie = session!.cookie;
          if (auth === 'session') headers['X-CSRF-Token'] = session!.csrfToken;
          // Signing out would end the session the other cases use.
          if (route === 'DELETE /api/v1/session' && auth === 'session') delete headers['X-CSRF-Token'];

          const before = known ?? (await databaseChecksum(t.storage));
          known = undefined;
          const response = await t.app.request(url, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : (body as BodyInit | undefined) });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect(response.status, `${method} ${url}`).toBeLessThan(500);
          const text = await response.text();
          expect(text).not.toContain('TOP-SECRET');
          // Reading never writes; a refusal changes nothing.
          if (method === 'GET' || response.status >= 400) {
            const why = method === 'GET' ? 'changed the database' : `answered ${response.status} but changed the database`;
            expect(await databaseChecksum(t.storage), `${method} ${url} ${why}`).toBe(before);
            known = before;
          }
          if (response.status >= 400 && url.startsWith('/api/')) expect(ApiErrorSchema.safeParse(JSON.parse(text)).success, text).toBe(true);
        },
      ),
      { numRuns: RUNS_PER_ROUTE, seed: 20261123 + ROUTES.findIndex((r) => `${r.method} ${r.path}` === route) },
    );
  });

  it('event batches: duplicate ids within a batch are stored once, far past and future timestamps are refused naming the field', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          size: fc.integer({ min: 1, max: 30 }),
          copies: fc.integer({ min: 2, max: 5 }),
          offsetDays: fc.oneof(fc.integer({ min: -100_000, max: -91 }), fc.integer({ min: 2, max: 100_000 }), fc.integer({ min: -89, max: 0 })),
        }),
        async ({ size, copies, offsetDays }) => {
          cases++;
          const at = new Date(Date.parse(NOW) + offsetDays * 86_400_000 + (offsetDays > 0 ? 3_600_000 : 0));
          const installId = uuidv7();
          const unique = Array.from({ length: size }, () => makeEvent({ installId, at: NOW }));
          const batch = [...unique, ...Array.from({ length: copies }, () => ({ ...unique[0]! })), { ...makeEvent({ installId, at: NOW }), at: at.toISOString() }];
          const before = await databaseChecksum(t.storage);
          const storedBefore = await countEvents(t.storage);
          const response = await t.app.request('/api/v1/events', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ events: batch }),
          });
          const inWindow = offsetDays > -90 && offsetDays <= 0;
          if (inWindow) {
            expect(response.status).toBe(200);
            expect(await response.json()).toEqual({ accepted: size + 1, duplicates: copies });
            expect(await countEvents(t.storage)).toBe(storedBefore + size + 1);
          } else {
            expect(response.status).toBe(400);
            const error = ApiErrorSchema.parse(await response.json()).error;
            expect(error.issues).toEqual([expect.objectContaining({ path: `events.${batch.length - 1}.at` })]);
            expect(await databaseChecksum(t.storage)).toBe(before);
          }
        },
      ),
      { numRuns: 100, seed: 7 },
    );
  });

  it('still answers, and nothing was polluted', async () => {
    expect((await t.app.request('/health')).status).toBe(200);
    const ok = await t.app.request('/api/v1/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ events: [makeEvent({ at: NOW })] }),
    });
    expect(ok.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The checksum every refusal above is held to does see a change: one event more, one story more.
    const before = await databaseChecksum(t.storage);
    await t.app.request('/api/v1/events', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ events: [makeEvent({ at: NOW })] }) });
    const afterEvent = await databaseChecksum(t.storage);
    expect(afterEvent).not.toBe(before);
    const added = await t.app.request('/api/v1/admin/stories', {
      method: 'POST',
      headers: { Authorization: 'Bearer test-admin-token-0123456789abcdef', 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...story, title: 'Written while the checksum looked' }),
    });
    expect(added.status).toBe(201);
    expect(await databaseChecksum(t.storage)).not.toBe(afterEvent);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
