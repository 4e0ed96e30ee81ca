import { describe, expect, it } from 'vitest';
import { hashToken } from '../../../../server/src/auth/tokens';
import { insertAdminToken } from '../../../../server/src/storage/queries/insert-admin-token';
import { sql } from '../../../../server/src/storage/sql';
import { RoundListSchema, RoundRecordSchema, type RoundRecord } from '../../../../shared/src/schemas/recognition-round';
import { auditLog, contentTag, json, send, snapshot } from '../../../support/admin-api';
import { DEMO_ROUND_ID, roundDraft, submittedEntry } from '../../../support/recognition-api';
import { makeTestApp } from '../../../support/test-app';

const Q2 = roundDraft({ name: '2027 Q2', submissionOpens: '2027-01-12', submissionCloses: '2027-03-31', judgingEnds: '2027-04-20', announceOn: '2027-04-27' });
const { categories: _categories, ...Q2_DAYS } = Q2;

describe('/api/v1/admin/recognition/rounds', () => {
  it('lists the rounds with their phase on the company-local day, never their entry salt', async () => {
    const t = await makeTestApp();
    const response = await send(t, 'GET', '/recognition/rounds');
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const body = await json(response);
    const { rounds } = RoundListSchema.parse(body);
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({ id: DEMO_ROUND_ID, name: '2027 Q1', revision: 1, phase: 'open', resultsPublishedAt: null });
    expect(JSON.stringify(body)).not.toMatch(/salt/i);
    t.clock.set('2026-12-20T10:00:00Z');
    expect((await json(send(t, 'GET', '/recognition/rounds'))).rounds[0].phase).toBe('judging');
  });

  it('creates a round (its id made from the name unless given), edits it at its revision and deletes it, each audited, no new content version', async () => {
    const t = await makeTestApp();
    const version = (await contentTag(t)).version;
    const created = await send(t, 'POST', '/recognition/rounds', Q2);
    expect(created.status).toBe(201);
    const record = RoundRecordSchema.parse(await json(created));
    expect(record).toEqual({ ...Q2, id: '2027-q2', revision: 1, phase: 'upcoming', resultsPublishedAt: null });
    expect((await auditLog(t))[0]).toMatchObject({ action: 'created', entity: 'round', entityId: '2027-q2', summary: '2027 Q2: submissions 2027-01-12 to 2027-03-31, 1 category' });
    expect((await send(t, 'POST', '/recognition/rounds', { ...Q2, id: 'spring-special' })).status).toBe(201);

    const edited = await send(t, 'PUT', '/recognition/rounds/2027-q2', { ...Q2, id: undefined, name: '2027 Q2 (spring)', submissionCloses: '2027-04-02', revision: 1 });
    expect(edited.status).toBe(200);
    expect(await json<RoundRecord>(edited)).toMatchObject({ id: '2027-q2', name: '2027 Q2 (spring)', submissionCloses: '2027-04-02', revision: 2 });
    expect((await auditLog(t))[0]).toMatchObject({ action: 'updated', entity: 'round', entityId: '2027-q2', summary: 'changed name, submissionCloses' });
    // Saving what is there changes nothing, not even the revision.
    expect(await json(send(t, 'PUT', '/recognition/rounds/2027-q2', { ...Q2, name: '2027 Q2 (spring)', submissionCloses: '2027-04-02', revision: 2 }))).toMatchObject({ revision: 2 });

    const stale = await send(t, 'PUT', '/recognition/rounds/2027-q2', { ...Q2, revision: 1 });
    expect(stale.status).toBe(409);
    expect((await json(stale)).error.message).toMatch(/^This round was changed by ADMIN_TOKEN \(environment\) at /);
    expect((await send(t, 'DELETE', '/recognition/rounds/2027-q2', { revision: 1 })).status).toBe(409);
    expect((await send(t, 'DELETE', '/recognition/rounds/2027-q2', { revision: 2 })).status).toBe(204);
    expect((await auditLog(t))[0]).toMatchObject({ action: 'deleted', entity: 'round', entityId: '2027-q2' });
    expect((await json(send(t, 'GET', '/recognition/rounds'))).rounds.map((r: RoundRecord) => r.id)).toEqual(['spring-special', DEMO_ROUND_ID]);
    expect((await contentTag(t)).version).toBe(version);
  });

  it('refuses bad rounds naming the field, a taken id, an unknown or stale round, changing nothing', async () => {
    const t = await makeTestApp();
    const before = await snapshot(t);
    const order = await send(t, 'POST', '/recognition/rounds', { ...Q2, judgingEnds: '2027-03-01' });
    expect(order.status).toBe(400);
    expect((await json(order)).error.issues).toEqual([{ path: 'judgingEnds', message: 'must not be before submissionCloses (2027-03-31)' }]);
    const usage = structuredClone(Q2);
    usage.categories[0]!.criteria[0]!.name = 'Adoption of the new tool';
    expect((await json(send(t, 'POST', '/recognition/rounds', usage))).error.issues[0].path).toBe('categories.0.criteria.0.name');
    const kind = structuredClone(Q2) as unknown as { categories: { criteria: { kind: string }[] }[] };
    kind.categories[0]!.criteria[0]!.kind = 'usage';
    expect((await json(send(t, 'POST', '/recognition/rounds', kind))).error.issues[0].path).toBe('categories.0.criteria.0.kind');
    expect((await json(send(t, 'POST', '/recognition/rounds', { ...Q2, categories: [] }))).error.issues[0].path).toBe('categories');
    expect((await send(t, 'POST', '/recognition/rounds', { ...Q2, id: DEMO_ROUND_ID })).status).toBe(409);
    expect((await send(t, 'PUT', '/recognition/rounds/2031-q1', { ...Q2_DAYS, categories: Q2.categories, revision: 1 })).status).toBe(404);
    expect((await send(t, 'PUT', `/recognition/rounds/${DEMO_ROUND_ID}`, { ...Q2, revision: 5 })).status).toBe(409);
    expect((await send(t, 'PUT', `/recognition/rounds/${DEMO_ROUND_ID}`, { ...Q2, id: 'moved', revision: 1 })).status).toBe(400);
    expect((await send(t, 'DELETE', '/recognition/rounds/2031-q1', { revision: 1 })).status).toBe(404);
    expect((await send(t, 'DELETE', `/recognition/rounds/${DEMO_ROUND_ID}`)).status).toBe(415);
    expect(await snapshot(t)).toBe(before);
  });

  it('keeps what teams entered: a round with entries is not deleted, a category with entries not removed; a published round is not changed', async () => {
    const t = await makeTestApp();
    const before = await snapshot(t);
    const deleted = await send(t, 'DELETE', `/recognition/rounds/${DEMO_ROUND_ID}`, { revision: 1 });
    expect(deleted.status).toBe(409);
    expect((await json(deleted)).error.message).toBe('2027 Q1 has 4 entries; a round teams have entered is kept. Nothing was deleted.');
    const demo = (await json(send(t, 'GET', '/recognition/rounds'))).rounds[0] as RoundRecord;
    const { id: _id, phase: _phase, resultsPublishedAt: _published, ...editable } = demo;
    const removed = await send(t, 'PUT', `/recognition/rounds/${DEMO_ROUND_ID}`, { ...editable, categories: demo.categories.slice(0, 2) });
    expect(removed.status).toBe(409);
    expect(await json(removed)).toMatchObject({
      error: { message: 'Teams have entered "Customer savings" (1 entry); a category with entries stays in its round. Nothing was saved.', issues: [{ path: 'categories', message: 'must keep "customer-savings"' }] },
    });
    expect(await snapshot(t)).toBe(before);

    // Renaming a category and adding a criterion is fine while entries exist.
    const renamed = structuredClone(demo.categories);
    renamed[0]!.name = 'Faster for customers';
    const ok = await send(t, 'PUT', `/recognition/rounds/${DEMO_ROUND_ID}`, { ...editable, categories: renamed });
    expect(ok.status).toBe(200);

    await t.storage.run(sql`UPDATE recognition_rounds SET results_published_at = '2027-01-05T10:00:00Z'`);
    const published = await send(t, 'PUT', `/recognition/rounds/${DEMO_ROUND_ID}`, { ...editable, name: 'Renamed', revision: 2 });
    expect(published.status).toBe(409);
    expect((await json(published)).error.message).toBe('The results of 2027 Q1 were published; the round is kept as it was judged. Nothing was saved.');
  });

  it('is for admins: a judge or a viewer token is refused, and changes nothing', async () => {
    const t = await makeTestApp();
    await insertAdminToken(t.storage, 'Judge (Finance)', hashToken('judge-token-0123456789abcdef'), new Date(), { role: 'judge', department: 'finance' });
    await insertAdminToken(t.storage, 'Viewer', hashToken('viewer-token-0123456789abcdef'), new Date(), { role: 'viewer' });
    await submittedEntry(t);
    const before = await snapshot(t);
    for (const token of ['judge-token-0123456789abcdef', 'viewer-token-0123456789abcdef']) {
      const headers = { Authorization: `Bearer ${token}` };
      expect((await send(t, 'GET', '/recognition/rounds', undefined, headers)).status).toBe(403);
      expect((await send(t, 'POST', '/recognition/rounds', Q2, headers)).status).toBe(403);
      expect((await send(t, 'PUT', `/recognition/rounds/${DEMO_ROUND_ID}`, { ...Q2, revision: 1 }, headers)).status).toBe(403);
      expect((await send(t, 'DELETE', '/recognition/rounds/2027-q2', { revision: 1 }, headers)).status).toBe(403);
    }
    expect(await snapshot(t)).toBe(before);
  });
});
