import { describe, expect, it } from 'vitest';
import { sql } from '../../../../server/src/storage/sql';
import { ContentBundleSchema } from '../../../../shared/src/schemas/content-bundle';
import { ContentExportSchema } from '../../../../shared/src/schemas/content-export';
import { LIMITS } from '../../../../shared/src/schemas/limits';
import { STORY_DRAFT, auditLog, contentTag, json, send, snapshot, type TestApp } from '../../../support/admin-api';
import { makeTestApp } from '../../../support/test-app';

/** Stories credit the departments behind the customer outcome: each gets a "Thank <department>" button. */
const draft = STORY_DRAFT;

const storedCredits = async (t: TestApp, id: string) => (await t.storage.one<{ credits: string | null }>(sql`SELECT credits FROM stories WHERE id = ${id}`))!.credits;

const bundleStory = async (t: TestApp, id: string) => ContentBundleSchema.parse(await json(t.app.request('/api/v1/content'))).stories.find((s) => s.id === id);

function importFile(t: TestApp, mode: string, body: string, contentType = 'text/csv') {
  return t.app.request(`/api/v1/admin/import?mode=${mode}`, { method: 'POST', headers: { ...t.admin, 'Content-Type': contentType }, body });
}

/** The fields of a story record an edit sends back. */
function editable(record: Record<string, unknown>) {
  const { id: _id, archived: _a, createdAt: _c, updatedAt: _u, recognition: _r, ...fields } = record;
  return fields;
}

describe('story credits', () => {
  it('creates a story crediting departments: stored, listed, and in the bundle the extensions sync', async () => {
    const t = await makeTestApp();
    const created = await send(t, 'POST', '/stories', { ...draft, credits: ['manufacturing', 'support'] });
    expect(created.status).toBe(201);
    const story = await json(created);
    expect(story.credits).toEqual(['manufacturing', 'support']);
    expect(JSON.parse((await storedCredits(t, story.id))!)).toEqual(['manufacturing', 'support']);
    expect((await json(send(t, 'GET', `/stories/${story.id}`))).credits).toEqual(['manufacturing', 'support']);
    const listed = await json<{ stories: { id: string; credits?: string[] }[] }>(send(t, 'GET', '/stories'));
    expect(listed.stories.find((s) => s.id === story.id)?.credits).toEqual(['manufacturing', 'support']);
    expect((await bundleStory(t, story.id))?.credits).toEqual(['manufacturing', 'support']);
    // None, or an empty list: no credits at all (NULL), and none in the bundle.
    const none = await json(send(t, 'POST', '/stories', { ...draft, title: 'No credits', credits: [] }));
    expect(none).not.toHaveProperty('credits');
    expect(await storedCredits(t, none.id)).toBeNull();
    expect(await bundleStory(t, none.id)).not.toHaveProperty('credits');
    const absent = await json(send(t, 'POST', '/stories', { ...draft, title: 'Absent' }));
    expect(await storedCredits(t, absent.id)).toBeNull();
  });

  it('edits credits as a field of the story: a new version, "changed credits" in the audit log; an empty list takes them off', async () => {
    const t = await makeTestApp();
    const opened = await json(send(t, 'GET', '/stories/night-shift-login'));
    expect(opened).not.toHaveProperty('credits');
    const v0 = (await contentTag(t)).version;
    const saved = await send(t, 'PUT', '/stories/night-shift-login', { ...editable(opened), credits: ['it'], revision: opened.revision });
    expect(saved.status).toBe(200);
    expect(await json(saved)).toMatchObject({ credits: ['it'], revision: opened.revision + 1 });
    expect((await contentTag(t)).version).toBe(v0 + 1);
    expect((await auditLog(t))[0]).toMatchObject({ action: 'updated', entityId: 'night-shift-login', summary: 'changed credits' });
    expect((await bundleStory(t, 'night-shift-login'))?.credits).toEqual(['it']);
    // The same credits again: no new version.
    expect((await send(t, 'PUT', '/stories/night-shift-login', { ...editable(opened), credits: ['it'], revision: opened.revision + 1 })).status).toBe(200);
    expect((await contentTag(t)).version).toBe(v0 + 1);
    const cleared = await json(send(t, 'PUT', '/stories/night-shift-login', { ...editable(opened), credits: [], revision: opened.revision + 1 }));
    expect(cleared).not.toHaveProperty('credits');
    expect(await storedCredits(t, 'night-shift-login')).toBeNull();
    expect(await bundleStory(t, 'night-shift-login')).not.toHaveProperty('credits');
  });

  it('refuses a credit that is not a department, one credited twice, too many or a malformed id, naming credits.N; nothing is stored', async () => {
    const t = await makeTestApp();
    const opened = await json(send(t, 'GET', '/stories/night-shift-login'));
    const before = await snapshot(t);
    const unknown = await send(t, 'POST', '/stories', { ...draft, credits: ['manufacturing', 'pilots'] });
    expect(unknown.status).toBe(400);
    const error = (await json(unknown)).error;
    expect(error.issues).toEqual([{ path: 'credits.1', message: '"pilots" is not a department of the company' }]);
    expect(error.message).toBe('Nothing was saved: credits.1: "pilots" is not a department of the company.');
    const twice = await send(t, 'POST', '/stories', { ...draft, credits: ['sales', 'it', 'sales'] });
    expect((await json(twice)).error.issues).toEqual([{ path: 'credits.2', message: '"sales" is credited twice' }]);
    const many = ['engineering', 'manufacturing', 'legal', 'safety', 'it', 'sales'];
    expect(many).toHaveLength(LIMITS.creditsPerStory + 1);
    const tooMany = await send(t, 'POST', '/stories', { ...draft, credits: many });
    expect(tooMany.status).toBe(400);
    expect((await json(tooMany)).error.issues.map((i: { path: string }) => i.path)).toEqual(['credits']);
    const malformed = await send(t, 'POST', '/stories', { ...draft, credits: ['Not an id'] });
    expect((await json(malformed)).error.issues.map((i: { path: string }) => i.path)).toEqual(['credits.0']);
    // A role with a department is still refused naming the role first, then the credits once the role is fixed.
    const edit = await send(t, 'PUT', '/stories/night-shift-login', { ...editable(opened), credits: ['it', 'nowhere'], revision: opened.revision });
    expect(edit.status).toBe(400);
    expect((await json(edit)).error.issues).toEqual([{ path: 'credits.1', message: '"nowhere" is not a department of the company' }]);
    expect(await snapshot(t)).toBe(before);
  });

  it('a department that stories credit is not deleted: 409 naming the stories; once its credit is taken off, it is', async () => {
    const t = await makeTestApp();
    const department = await json(send(t, 'POST', '/departments', { name: 'Field Service' }));
    const first = await json(send(t, 'POST', '/stories', { ...draft, credits: ['field-service', 'support'] }));
    const second = await json(send(t, 'POST', '/stories', { ...draft, title: 'Second', credits: ['field-service'] }));
    const before = await snapshot(t);
    const refused = await send(t, 'DELETE', '/departments/field-service', { revision: department.revision });
    expect(refused.status).toBe(409);
    expect((await json(refused)).error).toEqual({
      code: 'conflict',
      message: `2 stories credit the department “Field Service” (${second.id}, ${first.id}); take it off those stories first.`,
    });
    expect(await snapshot(t)).toBe(before);
    await send(t, 'PUT', `/stories/${second.id}`, { ...editable(second), credits: [], revision: second.revision });
    const one = await send(t, 'DELETE', '/departments/field-service', { revision: department.revision });
    expect((await json(one)).error.message).toBe(`1 story credits the department “Field Service” (${first.id}); take it off that story first.`);
    await send(t, 'PUT', `/stories/${first.id}`, { ...editable(first), credits: ['support'], revision: first.revision });
    expect((await send(t, 'DELETE', '/departments/field-service', { revision: department.revision })).status).toBe(204);
    expect((await bundleStory(t, first.id))?.credits).toEqual(['support']);
  });

  it('export carries credits and restoring it gives them back', async () => {
    const t = await makeTestApp();
    const opened = await json(send(t, 'GET', '/stories/night-shift-login'));
    await send(t, 'PUT', '/stories/night-shift-login', { ...editable(opened), credits: ['it', 'support'], revision: opened.revision });
    const exported = await (await send(t, 'GET', '/export')).text();
    const file = ContentExportSchema.parse(JSON.parse(exported));
    expect(file.stories.find((s) => s.id === 'night-shift-login')?.credits).toEqual(['it', 'support']);
    const reopened = await json(send(t, 'GET', '/stories/night-shift-login'));
    await send(t, 'PUT', '/stories/night-shift-login', { ...editable(reopened), credits: [], revision: reopened.revision });
    const preview = await json(importFile(t, 'preview', exported, 'application/json'));
    expect(preview.rows.filter((r: { action: string }) => r.action === 'update')).toMatchObject([{ id: 'night-shift-login', changes: ['credits'] }]);
    expect((await json(importFile(t, 'apply', exported, 'application/json'))).applied).toBe(true);
    expect((await json(send(t, 'GET', '/stories/night-shift-login'))).credits).toEqual(['it', 'support']);
    // A file crediting a department it does not have is refused, naming the place.
    file.stories.find((s) => s.id === 'night-shift-login')!.credits = ['pilots'];
    const before = await snapshot(t);
    const bad = await json(importFile(t, 'preview', JSON.stringify(file), 'application/json'));
    expect(bad.errors.map((e: { text: string }) => e.text)).toEqual([
      `stories.${file.stories.findIndex((s) => s.id === 'night-shift-login')}.credits.0: unknown department "pilots"`,
    ]);
    expect((await importFile(t, 'apply', JSON.stringify(file), 'application/json')).status).toBe(400);
    expect(await snapshot(t)).toBe(before);
  });

  it('imports credits from a CSV column ("a; b") and from JSON lists; an empty cell takes them off', async () => {
    const t = await makeTestApp();
    const csv = [
      'id,title,customer,body,credits',
      'credited-csv,A credited story,Acme,Body.,manufacturing; support',
      'night-shift-login,The night nurse who could not log in,St. Aldric Hospital — night charge nurse,"x",it',
    ].join('\n');
    const preview = await json(importFile(t, 'preview', csv));
    expect(preview.errors).toEqual([]);
    expect(preview.rows.map((r: { row: number; action: string; changes: string[] }) => [r.row, r.action, r.changes])).toEqual([
      [2, 'create', []],
      [3, 'update', ['body', 'credits']],
    ]);
    expect((await json(importFile(t, 'apply', csv))).applied).toBe(true);
    expect((await bundleStory(t, 'credited-csv'))?.credits).toEqual(['manufacturing', 'support']);
    expect((await bundleStory(t, 'night-shift-login'))?.credits).toEqual(['it']);
    const cleared = await json(importFile(t, 'apply', 'id,credits\nnight-shift-login,\n'));
    expect(cleared.rows).toMatchObject([{ action: 'update', changes: ['credits'] }]);
    expect(await storedCredits(t, 'night-shift-login')).toBeNull();
    const viaJson = await json(importFile(t, 'apply', JSON.stringify([{ id: 'credited-csv', credits: ['sales'] }]), 'application/json'));
    expect(viaJson.rows).toMatchObject([{ action: 'update', changes: ['credits'] }]);
    expect((await bundleStory(t, 'credited-csv'))?.credits).toEqual(['sales']);
  });

  it('refuses a CSV crediting a department the company does not have, naming row and column; nothing is imported', async () => {
    const t = await makeTestApp();
    const csv = ['title,customer,body,credits', 'Good,Acme,Fine.,sales', 'Unknown,Acme,Body.,"support; pilots"', 'Twice,Acme,Body.,it;it'].join('\n');
    const preview = await json(importFile(t, 'preview', csv));
    expect(preview.errors.map((e: { text: string }) => e.text)).toEqual([
      'row 3, column credits: "pilots" is not a department of the company',
      'row 4, column credits: "it" is credited twice',
    ]);
    const before = await snapshot(t);
    const applied = await importFile(t, 'apply', csv);
    expect(applied.status).toBe(400);
    expect((await json(applied)).error.issues[0]).toEqual({ path: 'row 3, column credits', message: '"pilots" is not a department of the company' });
    expect(await snapshot(t)).toBe(before);
  });
});
