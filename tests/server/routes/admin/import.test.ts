import { describe, expect, it } from 'vitest';
import { sql } from '../../../../server/src/storage/sql';
import { LIMITS } from '../../../../shared/src/schemas/limits';
import { auditLog, contentTag, json, snapshot, type TestApp } from '../../../support/admin-api';
import { makeTestApp } from '../../../support/test-app';

function importFile(t: TestApp, mode: string, body: string, contentType = 'text/csv') {
  return t.app.request(`/api/v1/admin/import?mode=${mode}`, { method: 'POST', headers: { ...t.admin, 'Content-Type': contentType }, body });
}

const CSV = [
  'title,customer,quote,body,impact,source,tags,publishOn',
  // Row 2: new.
  '"A shorter queue, at last",Ferry Co — terminal manager,"We board in half the time.","Body one.\n\nBody two, with ""quotes"" and <b>tags</b>.",,Site visit,"ops; queues",2026-12-01',
  // Row 3: the same title and customer as a demo story: an update of its quote.
  'The night nurse who could not log in,St. Aldric Hospital — night charge nurse,A new quote,"St. Aldric’s night nurses were locked out of our scheduling app several times a month because password resets needed a help-desk call, and the help desk closed at 8 p.m.\n\nOur IT and identity engineers added single sign-on with the hospital’s own badge login, and a self-service reset that works from the ward terminal.","Before: 11 lock-outs a month on night shifts, each costing about 40 minutes. After: zero lock-outs in the first quarter.",Support ticket #48213,"it; identity; healthcare",',
].join('\n');

describe('POST /api/v1/admin/import', () => {
  it('previews a CSV row by row (create, update with the changed fields) and changes nothing', async () => {
    const t = await makeTestApp();
    const before = await snapshot(t);
    const response = await importFile(t, 'preview', CSV);
    expect(response.status).toBe(200);
    const result = await json(response);
    expect(result).toMatchObject({ kind: 'stories', mode: 'preview', applied: false, errors: [], version: null });
    expect(result.rows).toEqual([
      { row: 2, action: 'create', id: 'a-shorter-queue-at-last', title: 'A shorter queue, at last', customer: 'Ferry Co — terminal manager', changes: [] },
      {
        row: 3,
        action: 'update',
        id: 'night-shift-login',
        title: 'The night nurse who could not log in',
        customer: 'St. Aldric Hospital — night charge nurse',
        changes: ['quote'],
      },
    ]);
    expect(result.counts).toEqual({ stories: { create: 1, update: 1, unchanged: 0, remove: 0 } });
    expect(await snapshot(t)).toBe(before);
  });

  it('applies all rows in one transaction: one new version, one audit line, text kept literally', async () => {
    const t = await makeTestApp();
    const v0 = (await contentTag(t)).version;
    const result = await json(importFile(t, 'apply', CSV));
    expect(result).toMatchObject({ applied: true, version: v0 + 1 });
    const bundle = await json(t.app.request('/api/v1/content'));
    const created = bundle.stories.find((s: { id: string }) => s.id === 'a-shorter-queue-at-last');
    expect(created).toMatchObject({ body: 'Body one.\n\nBody two, with "quotes" and <b>tags</b>.', tags: ['ops', 'queues'], publishOn: '2026-12-01' });
    expect(created.impact).toBeUndefined();
    expect(bundle.stories.find((s: { id: string }) => s.id === 'night-shift-login').quote).toBe('A new quote');
    expect((await auditLog(t))[0]).toMatchObject({ action: 'imported', entity: 'content', summary: 'stories from CSV: 1 created, 1 updated, 0 unchanged' });
  });

  it('lists every error as "row N, column X: message"; apply then writes nothing at all', async () => {
    const t = await makeTestApp();
    const csv = [
      'title,customer,body,tags,roles,publishOn',
      'Good row,Acme,Fine.,,,',
      `${'x'.repeat(LIMITS.storyTitle + 1)},Acme,Body.,,,`,
      'Pilots,Acme,Body.,,"support; pilots",',
      'Bad date,Acme,Body.,,,2026-02-30',
      'No body,Acme,,,,',
    ].join('\n');
    const preview = await json(importFile(t, 'preview', csv));
    expect(preview.errors.map((e: { text: string }) => e.text)).toEqual([
      `row 3, column title: must be at most ${LIMITS.storyTitle} characters`,
      'row 4, column roles: unknown role "pilots"',
      'row 5, column publishOn: must be a real date as YYYY-MM-DD',
      'row 6, column body: must not be empty',
    ]);
    expect(preview.rows.map((r: { row: number; action: string }) => [r.row, r.action])).toEqual([[2, 'create']]);
    const before = await snapshot(t);
    const applied = await importFile(t, 'apply', csv);
    expect(applied.status).toBe(400);
    const error = (await json(applied)).error;
    expect(error.message).toMatch(/^Nothing was imported: 4 problems — row 3, column title: must be at most 120 characters; row 4/);
    expect(error.issues[1]).toEqual({ path: 'row 4, column roles', message: 'unknown role "pilots"' });
    expect(await snapshot(t)).toBe(before);
  });

  it('refuses a malformed CSV naming the row, an unknown column, and a duplicate row', async () => {
    const t = await makeTestApp();
    const before = await snapshot(t);
    const malformed = await importFile(t, 'preview', 'title,customer,body\nOk,Acme,Fine\n"Broken"quote,Acme,Body\n');
    expect(malformed.status).toBe(400);
    expect((await json(malformed)).error).toMatchObject({ code: 'invalid_request', issues: [{ path: 'row 3' }] });
    expect((await json(importFile(t, 'apply', 'title,customer,body\nOk,Acme,Fine,extra\n'))).error.message).toMatch(/^The CSV could not be read at row 2/);
    const unknown = await json(importFile(t, 'preview', 'title,customer,body,colour\nOk,Acme,Fine,red\n'));
    expect(unknown.errors.map((e: { text: string }) => e.text)).toEqual([
      'row 1, column colour: unknown column; the columns are id, title, customer, quote, body, impact, source, tags, roles, credits, publishOn',
    ]);
    const twice = await json(importFile(t, 'preview', 'title,customer,body\nOk,Acme,One\nOK,acme,Two\n'));
    expect(twice.errors.map((e: { text: string }) => e.text)).toEqual(['row 3: is the same story as row 2; keep one of them']);
    expect((await json(importFile(t, 'preview', ''))).error.message).toMatch(/The CSV is empty/);
    expect(await snapshot(t)).toBe(before);
  });

  it('reads a spreadsheet’s ";" CSV with a byte-order mark and friendly headers, and JSON lists', async () => {
    const t = await makeTestApp();
    const csv = '\uFEFFTitle;Customer;Body;Publish On\nSemicolons;Acme, Inc.;Body;2026-12-24\n';
    const result = await json(importFile(t, 'preview', csv));
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({ row: 2, action: 'create', customer: 'Acme, Inc.' });
    const list = [{ id: 'json-story', title: 'From JSON', customer: 'Acme', body: 'Body', tags: ['a', 'b'] }, { id: 'night-shift-login', quote: 'Only the quote' }];
    const viaJson = await json(importFile(t, 'apply', JSON.stringify({ stories: list }), 'application/json'));
    expect(viaJson.rows.map((r: { row: number; action: string; changes: string[] }) => [r.row, r.action, r.changes])).toEqual([
      [1, 'create', []],
      [2, 'update', ['quote']],
    ]);
    const bad = await json(importFile(t, 'preview', JSON.stringify([{ title: 42, customer: 'A', body: 'B' }, 'nope']), 'application/json'));
    expect(bad.errors.map((e: { text: string }) => e.text)).toEqual([
      'row 1, column title: Invalid input: expected string, received number',
      'row 2: must be an object with the story’s columns',
    ]);
  });

  it('needs a mode and a CSV or JSON body, and refuses a file over the size limit', async () => {
    const t = await makeTestApp();
    const noMode = await importFile(t, '', CSV);
    expect(noMode.status).toBe(400);
    expect((await json(noMode)).error.issues[0].path).toBe('mode');
    expect((await importFile(t, 'preview', CSV, 'text/plain')).status).toBe(415);
    expect((await importFile(t, 'preview', '{nope', 'application/json')).status).toBe(400);
    expect((await importFile(t, 'preview', 'x'.repeat(LIMITS.importBodyBytes + 1))).status).toBe(413);
  });

  it('restores an export file whole: a preview per kind, then the same content as exported', async () => {
    const t = await makeTestApp();
    const exported = await (await t.app.request('/api/v1/admin/export', { headers: t.admin })).text();
    // Changes made after the backup…
    await t.storage.run(sql`UPDATE stories SET title = 'Changed' WHERE id = 'night-shift-login'`);
    await t.storage.run(sql`INSERT INTO prompts (id, text, place, position) VALUES ('extra', 'Extra?', 'both', 99)`);
    await t.storage.run(sql`UPDATE content_meta SET version = version + 1`);
    const preview = await json(importFile(t, 'preview', exported, 'application/json'));
    expect(preview.kind).toBe('restore');
    expect(preview.counts.stories).toMatchObject({ update: 1, create: 0, remove: 0 });
    expect(preview.counts.prompts).toMatchObject({ remove: 1 });
    expect(preview.rows.filter((r: { action: string }) => r.action === 'update')).toEqual([
      { row: null, action: 'update', id: 'night-shift-login', title: 'The night nurse who could not log in', customer: 'St. Aldric Hospital — night charge nurse', changes: ['title'] },
    ]);
    const applied = await json(importFile(t, 'apply', exported, 'application/json'));
    expect(applied.applied).toBe(true);
    const again = await (await t.app.request('/api/v1/admin/export', { headers: t.admin })).json();
    const { exportedAt: _a, version: _v, ...rest } = again as Record<string, unknown>;
    const { exportedAt: _b, version: _w, ...original } = JSON.parse(exported) as Record<string, unknown>;
    expect(rest).toEqual(original);
    expect((await auditLog(t))[0]).toMatchObject({ action: 'restored', entity: 'content' });
    // Editors opened before the restore cannot save over it.
    const story = await json(t.app.request('/api/v1/admin/stories/night-shift-login', { headers: t.admin }));
    expect(story.revision).toBe(2);
  });

  it('refuses an export file that does not hold together, naming the place', async () => {
    const t = await makeTestApp();
    const file = JSON.parse(await (await t.app.request('/api/v1/admin/export', { headers: t.admin })).text());
    file.schedule = { '2026-12-01': 'missing-story' };
    const before = await snapshot(t);
    const preview = await json(importFile(t, 'preview', JSON.stringify(file), 'application/json'));
    expect(preview.errors.map((e: { text: string }) => e.text)).toEqual(['schedule.2026-12-01: unknown story "missing-story"']);
    expect((await importFile(t, 'apply', JSON.stringify(file), 'application/json')).status).toBe(400);
    expect(await snapshot(t)).toBe(before);
  });
});
