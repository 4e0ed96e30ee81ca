import { describe, expect, it } from 'vitest';
import { auditLog, json, send, snapshot } from '../../../support/admin-api';
import { makeTestApp } from '../../../support/test-app';

const three = [{ text: 'Visit a customer site.' }, { text: 'Read five tickets.' }, { text: 'Call one customer.' }];

describe('/api/v1/admin/roles', () => {
  it('lists roles with their ordered actions and one revision', async () => {
    const t = await makeTestApp();
    const { roles } = await json(send(t, 'GET', '/roles'));
    const legal = roles.find((r: { id: string }) => r.id === 'legal');
    expect(legal).toMatchObject({ name: 'Legal', revision: 1 });
    expect(legal.actions.map((a: { id: string }) => a.id)).toEqual(['legal-plain-clause', 'legal-ask-sales', 'legal-faster-answer']);
  });

  it('creates a role with 3–5 actions, and refuses fewer or more', async () => {
    const t = await makeTestApp();
    const created = await send(t, 'POST', '/roles', { name: 'Field service', actions: three });
    expect(created.status).toBe(201);
    const role = await json(created);
    expect(role).toMatchObject({ id: 'field-service', revision: 1 });
    expect(role.actions.map((a: { id: string }) => a.id)).toEqual([
      'field-service-visit-a-customer-site',
      'field-service-read-five-tickets',
      'field-service-call-one-customer',
    ]);
    const bundle = await json(t.app.request('/api/v1/content'));
    expect(bundle.actions.filter((a: { role: string }) => a.role === 'field-service')).toHaveLength(3);
    const before = await snapshot(t);
    const two = await send(t, 'POST', '/roles', { name: 'Too few', actions: three.slice(0, 2) });
    expect((await json(two)).error.issues).toEqual([{ path: 'actions', message: 'a role needs at least 3 actions' }]);
    const six = await send(t, 'POST', '/roles', { name: 'Too many', actions: [...three, ...three] });
    expect((await json(six)).error.issues).toEqual([{ path: 'actions', message: 'a role has at most 5 actions' }]);
    expect((await send(t, 'POST', '/roles', { id: 'other', name: 'Other', actions: three })).status).toBe(400);
    expect(await snapshot(t)).toBe(before);
  });

  it('reorders and rewrites a role’s actions, keeping the ids of the ones it keeps', async () => {
    const t = await makeTestApp();
    const saved = await send(t, 'PUT', '/roles/legal/actions', {
      revision: 1,
      actions: [{ id: 'legal-faster-answer', text: 'Answer within one working day.' }, { id: 'legal-plain-clause', text: 'Rewrite one clause in plain words.' }, { text: 'Sit in on a renewal call.' }],
    });
    expect(saved.status).toBe(200);
    const role = await json(saved);
    expect(role.revision).toBe(2);
    expect(role.actions.map((a: { id: string }) => a.id)).toEqual(['legal-faster-answer', 'legal-plain-clause', 'legal-sit-in-on-a-renewal-call']);
    const bundle = await json(t.app.request('/api/v1/content'));
    expect(bundle.actions.filter((a: { role: string }) => a.role === 'legal').map((a: { text: string }) => a.text)).toEqual([
      'Answer within one working day.',
      'Rewrite one clause in plain words.',
      'Sit in on a renewal call.',
    ]);
    expect((await auditLog(t))[0]).toMatchObject({ entity: 'role', entityId: 'legal', summary: '3 actions: 1 new, 1 removed, order and wording as sent' });
  });

  it('refuses another role’s action id, a stale list and an unknown role, changing nothing', async () => {
    const t = await makeTestApp();
    const before = await snapshot(t);
    const foreign = await send(t, 'PUT', '/roles/legal/actions', { revision: 1, actions: [{ id: 'it-outage-note', text: 'x' }, ...three.slice(1)] });
    expect((await json(foreign)).error.issues).toEqual([{ path: 'actions.0.id', message: '"it-outage-note" is not one of this role\'s actions' }]);
    expect((await send(t, 'PUT', '/roles/legal/actions', { revision: 4, actions: three })).status).toBe(409);
    expect((await send(t, 'PUT', '/roles/pilots/actions', { revision: 1, actions: three })).status).toBe(404);
    expect((await send(t, 'PUT', '/roles/legal', { name: 'x'.repeat(61), revision: 1 })).status).toBe(400);
    expect(await snapshot(t)).toBe(before);
  });

  it('renames a role, and deletes one only when no story names it', async () => {
    const t = await makeTestApp();
    expect(await json(send(t, 'PUT', '/roles/legal', { name: 'Legal & Compliance', revision: 1 }))).toMatchObject({ name: 'Legal & Compliance', revision: 2 });
    const named = await send(t, 'DELETE', '/roles/legal', { revision: 2 });
    expect(named.status).toBe(409);
    expect((await json(named)).error.message).toMatch(/^\d+ stor(y names|ies name) the role “Legal & Compliance” \(.*legal-nine-page-contract.*\); take it off/);
    const role = await json(send(t, 'POST', '/roles', { name: 'Pilots', actions: three }));
    expect((await send(t, 'DELETE', `/roles/${role.id}`, { revision: 1 })).status).toBe(204);
    const bundle = await json(t.app.request('/api/v1/content'));
    expect(bundle.actions.some((a: { role: string }) => a.role === role.id)).toBe(false);
  });
});
