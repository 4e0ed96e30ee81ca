import { describe, expect, it } from 'vitest';
import { hashToken } from '../../../../server/src/auth/tokens';
import { insertAdminToken } from '../../../../server/src/storage/queries/insert-admin-token';
import { json, send } from '../../../support/admin-api';
import { makeTestApp } from '../../../support/test-app';

describe('GET /api/v1/admin/audit', () => {
  it('says who (the token label) changed what and when, newest first, a page at a time', async () => {
    const t = await makeTestApp();
    await insertAdminToken(t.storage, 'Ana (CX)', hashToken('ana-token-0123456789'), t.clock.now());
    const ana = { Authorization: 'Bearer ana-token-0123456789' };
    await send(t, 'POST', '/prompts', { text: 'First?', where: 'both' }, ana);
    t.clock.set('2026-11-23T11:00:00Z');
    await send(t, 'POST', '/prompts', { text: 'Second?', where: 'both' });
    await send(t, 'PUT', '/schedule/2026-12-01', { storyId: 'night-shift-login' }, ana);

    const page = await json(send(t, 'GET', '/audit?limit=2'));
    expect(page.entries).toEqual([
      { id: 3, at: '2026-11-23T11:00:00.000Z', label: 'Ana (CX)', action: 'scheduled', entity: 'schedule', entityId: '2026-12-01', summary: 'night-shift-login (was the rotation)' },
      { id: 2, at: '2026-11-23T11:00:00.000Z', label: 'ADMIN_TOKEN (environment)', action: 'created', entity: 'prompt', entityId: 'second', summary: 'for meetings and the new tab' },
    ]);
    expect(page.nextBefore).toBe(2);
    const next = await json(send(t, 'GET', `/audit?limit=2&before=${page.nextBefore}`));
    expect(next.entries.map((e: { id: number; label: string }) => [e.id, e.label])).toEqual([[1, 'Ana (CX)']]);
    expect(next.nextBefore).toBeNull();
    const prompts = await json(send(t, 'GET', '/audit?entity=prompt&entityId=first'));
    expect(prompts.entries).toHaveLength(1);
    expect((await send(t, 'GET', '/audit?limit=1000')).status).toBe(400);
    expect((await send(t, 'GET', '/audit?entity=planet')).status).toBe(400);
  });
});
