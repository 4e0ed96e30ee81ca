import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../shared/src/schemas/limits';
import { auditLog, contentTag, json, send, snapshot } from '../../../support/admin-api';
import { makeTestApp } from '../../../support/test-app';

describe('/api/v1/admin/prompts', () => {
  it('lists, creates, edits and deletes questions, each as a new content version', async () => {
    const t = await makeTestApp();
    const list = await json<{ prompts: { id: string; revision: number }[] }>(send(t, 'GET', '/prompts'));
    expect(list.prompts.map((p) => p.id)).toContain('want-this');
    const v0 = (await contentTag(t)).version;
    const created = await send(t, 'POST', '/prompts', { text: 'Would a customer pay for this?', where: 'meeting' });
    expect(created.status).toBe(201);
    expect(await json(created)).toEqual({ id: 'would-a-customer-pay-for-this', text: 'Would a customer pay for this?', where: 'meeting', revision: 1 });
    const edited = await send(t, 'PUT', '/prompts/would-a-customer-pay-for-this', { text: 'Would a customer pay for this today?', where: 'both', revision: 1 });
    expect(await json(edited)).toMatchObject({ where: 'both', revision: 2 });
    expect((await auditLog(t))[0]).toMatchObject({ action: 'updated', entity: 'prompt', summary: 'changed text, where' });
    expect((await send(t, 'DELETE', '/prompts/would-a-customer-pay-for-this', { revision: 1 })).status).toBe(409);
    expect((await send(t, 'DELETE', '/prompts/would-a-customer-pay-for-this', { revision: 2 })).status).toBe(204);
    expect((await contentTag(t)).version).toBe(v0 + 3);
    const bundle = await json(t.app.request('/api/v1/content'));
    expect(bundle.prompts.map((p: { id: string }) => p.id)).not.toContain('would-a-customer-pay-for-this');
  });

  it('refuses a bad place, a too-long text, a stale edit and an unknown id, changing nothing', async () => {
    const t = await makeTestApp();
    const before = await snapshot(t);
    const place = await send(t, 'POST', '/prompts', { text: 'Why?', where: 'email' });
    expect(place.status).toBe(400);
    expect((await json(place)).error.issues[0].path).toBe('where');
    const long = await send(t, 'POST', '/prompts', { text: 'x'.repeat(LIMITS.promptText + 1), where: 'both' });
    expect((await json(long)).error.issues).toEqual([{ path: 'text', message: `must be at most ${LIMITS.promptText} characters` }]);
    expect((await send(t, 'PUT', '/prompts/want-this', { text: 'Changed', where: 'both', revision: 7 })).status).toBe(409);
    expect((await send(t, 'PUT', '/prompts/nope', { text: 'Changed', where: 'both', revision: 1 })).status).toBe(404);
    expect((await send(t, 'DELETE', '/prompts/want-this')).status).toBe(415);
    expect(await snapshot(t)).toBe(before);
  });
});
