import { describe, expect, it } from 'vitest';
import { auditLog, json, send, snapshot } from '../../../support/admin-api';
import { makeTestApp } from '../../../support/test-app';

describe('/api/v1/admin/departments', () => {
  it('creates, edits (headcount for adoption %) and deletes departments', async () => {
    const t = await makeTestApp();
    const created = await send(t, 'POST', '/departments', { name: 'Field Service', headcount: 40 });
    expect(created.status).toBe(201);
    expect(await json(created)).toEqual({ id: 'field-service', name: 'Field Service', headcount: 40, revision: 1 });
    const edited = await send(t, 'PUT', '/departments/field-service', { name: 'Field Service', headcount: null, revision: 1 });
    expect(await json(edited)).toEqual({ id: 'field-service', name: 'Field Service', revision: 2 });
    expect((await auditLog(t))[0]).toMatchObject({ entity: 'department', summary: 'changed headcount' });
    const bundle = await json(t.app.request('/api/v1/content'));
    expect(bundle.departments.at(-1)).toEqual({ id: 'field-service', name: 'Field Service' });
    expect((await send(t, 'DELETE', '/departments/field-service', { revision: 2 })).status).toBe(204);
    expect((await json(send(t, 'GET', '/departments'))).departments.map((d: { id: string }) => d.id)).not.toContain('field-service');
  });

  it('refuses a bad headcount, an empty name, a taken id and a stale edit, changing nothing', async () => {
    const t = await makeTestApp();
    const [first] = (await json(send(t, 'GET', '/departments'))).departments;
    const before = await snapshot(t);
    const bad = await send(t, 'POST', '/departments', { name: ' ', headcount: -3 });
    expect((await json(bad)).error.issues.map((i: { path: string }) => i.path)).toEqual(['name', 'headcount']);
    expect((await send(t, 'POST', '/departments', { id: first.id, name: 'Again' })).status).toBe(409);
    expect((await send(t, 'PUT', `/departments/${first.id}`, { name: 'X', revision: 2 })).status).toBe(409);
    expect(await snapshot(t)).toBe(before);
  });
});
