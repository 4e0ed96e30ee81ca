import { describe, expect, it } from 'vitest';
import { hashToken } from '../../../../server/src/auth/tokens';
import { insertAdminToken } from '../../../../server/src/storage/queries/insert-admin-token';
import { sql } from '../../../../server/src/storage/sql';
import { LIMITS } from '../../../../shared/src/schemas/limits';
import { STORY_DRAFT, auditLog, contentTag, json, send, snapshot } from '../../../support/admin-api';
import { makeTestApp } from '../../../support/test-app';

const draft = STORY_DRAFT;

const ANA = 'ana-token-0123456789abcdef';

describe('/api/v1/admin/stories', () => {
  it('lists every story with its revision, searches its text and filters by status', async () => {
    const t = await makeTestApp();
    const all = await json<{ stories: { id: string; revision: number }[] }>(send(t, 'GET', '/stories'));
    expect(all.stories.length).toBeGreaterThanOrEqual(14);
    expect(all.stories.every((s) => s.revision === 1)).toBe(true);
    const found = await json<{ stories: { id: string }[] }>(send(t, 'GET', '/stories?q=NIGHT%20nurse'));
    expect(found.stories.map((s) => s.id)).toEqual(['night-shift-login']);
    expect((await json(send(t, 'GET', '/stories?status=archived'))).stories).toEqual([]);
    const bad = await send(t, 'GET', '/stories?status=deleted');
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.issues[0].path).toBe('status');
  });

  it('creates a story: 201, an id from the title, a new content version and ETag, and an audit line', async () => {
    const t = await makeTestApp();
    const before = await contentTag(t);
    const response = await send(t, 'POST', '/stories', draft);
    expect(response.status).toBe(201);
    const story = await json(response);
    expect(story).toMatchObject({ id: 'support-closed-the-loop-in-a-day', revision: 1, archived: false, roles: ['support'] });
    const after = await contentTag(t);
    expect(after.version).toBe(before.version + 1);
    expect(after.etag).not.toBe(before.etag);
    const bundle = await json(t.app.request('/api/v1/content'));
    expect(bundle.stories.find((s: { id: string }) => s.id === story.id).body).toBe(draft.body);
    expect((await auditLog(t))[0]).toMatchObject({ label: 'ADMIN_TOKEN (environment)', action: 'created', entity: 'story', entityId: story.id });
  });

  it('keeps markup as literal text, never as HTML, and line endings as "\\n"', async () => {
    const t = await makeTestApp();
    const body = '<script>alert(1)</script> & <b>bold</b>\r\n\r\nNext';
    const story = await json(send(t, 'POST', '/stories', { ...draft, body }));
    expect(story.body).toBe('<script>alert(1)</script> & <b>bold</b>\n\nNext');
    const bundle = await (await t.app.request('/api/v1/content')).text();
    expect(bundle).toContain('<script>alert(1)</script> & <b>bold</b>');
  });

  it('refuses invalid stories naming each field, and changes nothing', async () => {
    const t = await makeTestApp();
    const before = await snapshot(t);
    const tooLong = await send(t, 'POST', '/stories', { ...draft, title: 'x'.repeat(LIMITS.storyTitle + 1), tags: ['ok', ''] });
    expect(tooLong.status).toBe(400);
    const error = (await json(tooLong)).error;
    expect(error.issues).toEqual([
      { path: 'title', message: `must be at most ${LIMITS.storyTitle} characters` },
      { path: 'tags.1', message: 'must not be empty' },
    ]);
    expect(error.message).toContain(`title: must be at most ${LIMITS.storyTitle} characters`);
    const unknownRole = await send(t, 'POST', '/stories', { ...draft, roles: ['support', 'pilots'] });
    expect(unknownRole.status).toBe(400);
    expect((await json(unknownRole)).error.issues).toEqual([{ path: 'roles.1', message: 'unknown role "pilots"' }]);
    expect((await send(t, 'POST', '/stories', { ...draft, colour: 'red' })).status).toBe(400);
    expect((await send(t, 'POST', '/stories', '{"title":')).status).toBe(400);
    expect((await send(t, 'POST', '/stories', draft, { ...t.admin, 'Content-Type': 'text/plain' })).status).toBe(415);
    const taken = await send(t, 'POST', '/stories', { ...draft, id: 'night-shift-login' });
    expect(taken.status).toBe(409);
    expect(await snapshot(t)).toBe(before);
  });

  it('edits on the revision it was opened on, naming the changed fields in the audit log', async () => {
    const t = await makeTestApp();
    const story = await json(send(t, 'GET', '/stories/night-shift-login'));
    const { id: _id, archived: _a, revision, createdAt: _c, updatedAt: _u, ...fields } = story;
    const saved = await send(t, 'PUT', '/stories/night-shift-login', { ...fields, title: 'A new title', quote: '', revision });
    expect(saved.status).toBe(200);
    const after = await json(saved);
    expect(after).toMatchObject({ title: 'A new title', revision: 2 });
    expect(after.quote).toBeUndefined();
    expect((await auditLog(t))[0]).toMatchObject({ action: 'updated', entityId: 'night-shift-login', summary: 'changed title, quote' });
    // Saving what is already there makes no new version.
    const version = (await contentTag(t)).version;
    expect((await send(t, 'PUT', '/stories/night-shift-login', { ...fields, title: 'A new title', quote: '', revision: 2 })).status).toBe(200);
    expect((await contentTag(t)).version).toBe(version);
  });

  it('refuses a stale edit with who changed it and when, and overwrites nothing', async () => {
    const t = await makeTestApp({ config: { timezone: 'Europe/Paris' } });
    await insertAdminToken(t.storage, 'Ana (CX)', hashToken(ANA), t.clock.now());
    const opened = await json(send(t, 'GET', '/stories/night-shift-login'));
    const { id: _id, archived: _a, revision, createdAt: _c, updatedAt: _u, ...fields } = opened;
    t.clock.set('2026-11-23T10:05:00Z');
    const first = await send(t, 'PUT', '/stories/night-shift-login', { ...fields, title: 'Ana’s title', revision }, { Authorization: `Bearer ${ANA}` });
    expect(first.status).toBe(200);
    const before = await snapshot(t);
    const stale = await send(t, 'PUT', '/stories/night-shift-login', { ...fields, body: 'My body', revision });
    expect(stale.status).toBe(409);
    const error = (await json(stale)).error;
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(
      'This story was changed by Ana (CX) at 2026-11-23 11:05 (Europe/Paris) since you opened it; reload to see their changes. Nothing was saved.',
    );
    expect(await snapshot(t)).toBe(before);
    expect((await json(send(t, 'GET', '/stories/night-shift-login'))).title).toBe('Ana’s title');
    const noRevision = await send(t, 'PUT', '/stories/night-shift-login', fields);
    expect(noRevision.status).toBe(400);
    expect((await json(noRevision)).error.issues[0].path).toBe('revision');
  });

  it('archives (taking the story off its scheduled days from today on) and restores', async () => {
    const t = await makeTestApp();
    for (const day of ['2026-11-20', '2026-11-23', '2026-12-01']) {
      await t.storage.run(sql`INSERT INTO schedule (day, story_id) VALUES (${day}, 'night-shift-login')`);
    }
    const archived = await send(t, 'POST', '/stories/night-shift-login/archive', { revision: 1 });
    expect(archived.status).toBe(200);
    expect(await json(archived)).toMatchObject({ story: { archived: true, revision: 2 }, unscheduledDays: ['2026-11-23', '2026-12-01'] });
    const bundle = await json(t.app.request('/api/v1/content'));
    expect(bundle.schedule).toEqual({ '2026-11-20': 'night-shift-login' });
    expect(bundle.stories.find((s: { id: string }) => s.id === 'night-shift-login').archived).toBe(true);
    expect((await auditLog(t))[0]!.summary).toMatch(/taken off 2 scheduled day\(s\): 2026-11-23, 2026-12-01/);
    expect((await json(send(t, 'GET', '/stories?status=archived'))).stories.map((s: { id: string }) => s.id)).toEqual(['night-shift-login']);
    expect((await send(t, 'POST', '/stories/night-shift-login/restore', { revision: 1 })).status).toBe(409);
    const restored = await send(t, 'POST', '/stories/night-shift-login/restore', { revision: 2 });
    expect(await json(restored)).toMatchObject({ story: { archived: false, revision: 3 }, unscheduledDays: [] });
  });

  it('answers 404 for an unknown story and 405 for a method a path does not serve', async () => {
    const t = await makeTestApp();
    expect((await send(t, 'GET', '/stories/nope')).status).toBe(404);
    expect((await send(t, 'PUT', '/stories/nope', { ...draft, revision: 1 })).status).toBe(404);
    const wrong = await send(t, 'DELETE', '/stories/night-shift-login');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('Allow')).toBe('GET, PUT');
  });

  it('needs an admin token; a revoked one is refused at once, its sessions too', async () => {
    const t = await makeTestApp();
    expect((await send(t, 'GET', '/stories', undefined, {})).status).toBe(401);
    expect((await send(t, 'GET', '/stories', undefined, { Authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
    await insertAdminToken(t.storage, 'Ana (CX)', hashToken(ANA), t.clock.now());
    const signIn = await t.app.request('/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: ANA }) });
    const cookie = signIn.headers.get('Set-Cookie')!.split(';')[0]!;
    expect((await send(t, 'GET', '/stories', undefined, { Cookie: cookie })).status).toBe(200);
    await t.storage.run(sql`UPDATE admin_tokens SET revoked_at = '2026-11-23T10:00:00Z' WHERE label = 'Ana (CX)'`);
    const revoked = await send(t, 'POST', '/stories', draft, { Authorization: `Bearer ${ANA}` });
    expect(revoked.status).toBe(401);
    expect((await json(revoked)).error.message).toBe('The admin token is not valid or was revoked.');
    expect((await send(t, 'GET', '/stories', undefined, { Cookie: cookie })).status).toBe(401);
  });

  it('accepts a dashboard session for changes only with its CSRF token', async () => {
    const t = await makeTestApp();
    const signIn = await t.app.request('/api/v1/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: t.admin.Authorization.slice(7) }),
    });
    const cookie = signIn.headers.get('Set-Cookie')!.split(';')[0]!;
    const { csrfToken } = await json(signIn);
    const before = await snapshot(t);
    const forged = await send(t, 'POST', '/stories', draft, { Cookie: cookie });
    expect(forged.status).toBe(403);
    expect((await send(t, 'POST', '/stories', draft, { Cookie: cookie, 'X-CSRF-Token': 'guess' })).status).toBe(403);
    expect(await snapshot(t)).toBe(before);
    expect((await send(t, 'POST', '/stories', draft, { Cookie: cookie, 'X-CSRF-Token': csrfToken })).status).toBe(201);
  });

  it('refuses a body over the admin limit with 413', async () => {
    const t = await makeTestApp();
    const response = await send(t, 'POST', '/stories', { ...draft, body: 'x'.repeat(LIMITS.adminBodyBytes) });
    expect(response.status).toBe(413);
  });
});
