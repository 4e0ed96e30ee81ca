import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../../server/src/auth/tokens';
import { sql } from '../../../server/src/storage/sql';
import type { EntryStatus } from '../../../shared/src/schemas/recognition-entry';
import { OpenRoundsSchema } from '../../../shared/src/schemas/recognition-round';
import { json, send } from '../../support/admin-api';
import { DEMO_ROUND_ID, entryDraft, getEntryStatus, roundDraft, submitEntry, submittedEntry } from '../../support/recognition-api';
import { makeTestApp } from '../../support/test-app';

describe('GET /api/v1/recognition/rounds', () => {
  it('sends the rounds open today and those to come, rubric included, and none that closed', async () => {
    const t = await makeTestApp();
    const upcoming = roundDraft({ name: '2027 Q2', submissionOpens: '2027-01-12', submissionCloses: '2027-03-31', judgingEnds: '2027-04-20', announceOn: '2027-04-27' });
    const closed = roundDraft({ name: '2026 Q4', submissionOpens: '2026-09-01', submissionCloses: '2026-11-22', judgingEnds: '2026-12-10', announceOn: '2026-12-15' });
    for (const draft of [upcoming, closed]) expect((await send(t, 'POST', '/recognition/rounds', draft)).status).toBe(201);
    const response = await t.app.request('/api/v1/recognition/rounds');
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const { rounds } = OpenRoundsSchema.parse(await response.json());
    expect(rounds.map((r) => r.id)).toEqual([DEMO_ROUND_ID, '2027-q2']);
    expect(rounds[0]!.categories.map((c) => c.name)).toEqual(['Faster for the customer', 'Fewer customer problems', 'Customer savings']);
    // Only the round as CX leads wrote it: no revision, no salt.
    expect(Object.keys(rounds[0]!).sort()).toEqual(['announceOn', 'categories', 'id', 'judgingEnds', 'name', 'submissionCloses', 'submissionOpens']);
  });

  it('goes by the company-local day: a round that closed yesterday there is gone, whatever the day is in UTC', async () => {
    // 2026-12-14T23:30Z is already the 15th in Paris; the demo round closes on the 14th.
    const t = await makeTestApp({ now: '2026-12-14T23:30:00Z', config: { timezone: 'Europe/Paris' } });
    await t.storage.run(sql`UPDATE recognition_rounds SET submission_closes = '2026-12-14'`);
    expect((await json(t.app.request('/api/v1/recognition/rounds'))).rounds).toEqual([]);
    t.clock.set('2026-12-14T22:59:00Z');
    expect((await json(t.app.request('/api/v1/recognition/rounds'))).rounds).toHaveLength(1);
  });
});

describe('POST /api/v1/recognition/entries', () => {
  it('stores an entry and answers its id and receipt, keeping only hashes of the receipt and the install', async () => {
    const t = await makeTestApp();
    const draft = entryDraft();
    const response = await submitEntry(t, draft);
    expect(response.status).toBe(201);
    const { entryId, receipt } = await json<{ entryId: string; receipt: string }>(response);
    expect(entryId).toMatch(/^e-[a-z2-7]{12}$/);
    expect(Buffer.from(receipt, 'base64url')).toHaveLength(32);
    const rows = await t.storage.all<Record<string, unknown>>(sql`SELECT * FROM recognition_entries WHERE id = ${entryId}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      round_id: DEMO_ROUND_ID,
      category_id: 'faster-for-the-customer',
      team_name: 'Returns desk',
      department: 'support',
      before_text: draft.before,
      after_text: draft.after,
      ack_quote: draft.acknowledgement!.quote,
      previous_entry_id: null,
      receipt_hash: hashToken(receipt),
      submitted_at: '2026-11-23T10:00:00.000Z',
      outcome: null,
      story_id: null,
    });
    expect(JSON.parse(rows[0]!.self_check as string)).toEqual(draft.selfCheck);
    // The receipt and the install id are nowhere; the install hash is salted per round, not a plain hash of the id.
    const everything = JSON.stringify(await t.storage.all(sql`SELECT * FROM recognition_entries`));
    expect(everything).not.toContain(receipt);
    expect(everything).not.toContain(draft.installId);
    expect(everything).not.toContain(createHash('sha256').update(draft.installId).digest('hex'));
  });

  it('takes entries of the same install in two rounds under unrelated hashes, and a resubmission of an earlier round’s entry', async () => {
    const t = await makeTestApp();
    const installId = entryDraft().installId;
    const first = await submittedEntry(t, { installId });
    const next = roundDraft({ name: '2027 Q2', submissionOpens: '2027-01-12', submissionCloses: '2027-03-31', judgingEnds: '2027-04-20', announceOn: '2027-04-27' });
    expect((await send(t, 'POST', '/recognition/rounds', next)).status).toBe(201);
    t.clock.set('2027-01-12T10:00:00Z');
    const again = await submittedEntry(t, { roundId: '2027-q2', installId, previousEntryId: first.entryId });
    const hashes = await t.storage.all<{ id: string; install: string; previous: string | null }>(
      sql`SELECT id, install_hash AS install, previous_entry_id AS previous FROM recognition_entries WHERE id IN (${first.entryId}, ${again.entryId}) ORDER BY submitted_at`,
    );
    expect(hashes.map((h) => h.previous)).toEqual([null, first.entryId]);
    expect(hashes[0]!.install).not.toBe(hashes[1]!.install);
  });

  it('answers the extensions’ CORS, and lets the preflight send X-Entry-Receipt', async () => {
    const t = await makeTestApp();
    const origin = 'chrome-extension://abcdefghijklmnop';
    const response = await submitEntry(t, entryDraft(), { Origin: origin });
    expect(response.status).toBe(201);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(origin);
    const preflight = await t.app.request('/api/v1/recognition/entries/e-abcdefghijkl', {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'x-entry-receipt' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toContain('X-Entry-Receipt');
    expect((await submitEntry(t, entryDraft(), { Origin: 'https://evil.example' })).headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

describe('GET /api/v1/recognition/entries/:id', () => {
  async function statusOf(t: Awaited<ReturnType<typeof makeTestApp>>, entryId: string, receipt: string) {
    const response = await getEntryStatus(t, entryId, receipt);
    expect(response.status).toBe(200);
    return json<EntryStatus>(response);
  }

  it('shows the entry with its receipt: submitted while open, in review until the announcement, then the outcome and feedback', async () => {
    const t = await makeTestApp();
    const { entryId, receipt } = await submittedEntry(t);
    const open = await statusOf(t, entryId, receipt);
    expect(open).toEqual({
      entryId,
      roundId: DEMO_ROUND_ID,
      roundName: '2027 Q1',
      categoryId: 'faster-for-the-customer',
      categoryName: 'Faster for the customer',
      teamName: 'Returns desk',
      status: 'submitted',
      announceOn: '2027-01-11',
      feedback: [],
      previousEntryId: null,
      nextRound: null,
    });

    // Judged, with feedback, results published before the announcement day: still in review, no feedback yet.
    await t.storage.run(sql`INSERT INTO admin_tokens (label, token_hash, created_at, role) VALUES ('Judge One', 'h1', '2026-11-23T10:00:00Z', 'judge')`);
    const judge = (await t.storage.one<{ id: number }>(sql`SELECT id FROM admin_tokens WHERE token_hash = 'h1'`))!.id;
    await t.storage.run(
      sql`INSERT INTO recognition_scores (entry_id, admin_token_id, scores, feedback, panel_note, updated_at)
          VALUES (${entryId}, ${judge}, '[]', 'Measure the wait from the customer’s side next time.', 'Strong, but thin evidence.', '2026-12-20T10:00:00Z')`,
    );
    t.clock.set('2026-12-20T10:00:00Z');
    expect((await statusOf(t, entryId, receipt)).status).toBe('in_review');
    await t.storage.run(sql`UPDATE recognition_entries SET outcome = 'not_this_round' WHERE id = ${entryId}`);
    await t.storage.run(sql`UPDATE recognition_rounds SET results_published_at = '2027-01-05T10:00:00Z' WHERE id = ${DEMO_ROUND_ID}`);
    t.clock.set('2027-01-10T10:00:00Z');
    expect(await statusOf(t, entryId, receipt)).toMatchObject({ status: 'in_review', feedback: [] });

    // On the announcement day: the outcome, the feedback (never the panel's note), and the round open now for a resubmission.
    const next = roundDraft({ name: '2027 Q2', submissionOpens: '2027-01-11', submissionCloses: '2027-03-31', judgingEnds: '2027-04-20', announceOn: '2027-04-27' });
    expect((await send(t, 'POST', '/recognition/rounds', next)).status).toBe(201);
    t.clock.set('2027-01-11T10:00:00Z');
    const announced = await statusOf(t, entryId, receipt);
    expect(announced).toMatchObject({ status: 'not_this_round', feedback: ['Measure the wait from the customer’s side next time.'], nextRound: { id: '2027-q2', name: '2027 Q2' } });
    expect(JSON.stringify(announced)).not.toContain('thin evidence');
  });

  it('answers a wrong or missing receipt exactly as an unknown id, and changes nothing', async () => {
    const t = await makeTestApp();
    const { entryId, receipt } = await submittedEntry(t);
    const other = await submittedEntry(t);
    const unknown = await getEntryStatus(t, 'e-aaaaaaaaaaaa', receipt);
    expect(unknown.status).toBe(404);
    const body = await unknown.text();
    expect(JSON.parse(body).error.code).toBe('not_found');
    for (const [id, presented] of [
      [entryId, undefined],
      [entryId, ''],
      [entryId, other.receipt],
      [entryId, receipt.slice(0, -1)],
      [entryId, `${receipt}x`],
      [entryId, hashToken(receipt)],
      [other.entryId, receipt],
      ['e-aaaaaaaaaaaa', undefined],
      ['not an id', receipt],
    ] as const) {
      const response = await getEntryStatus(t, id, presented);
      expect(response.status, `${id} with ${presented}`).toBe(404);
      expect(await response.text(), `${id} with ${presented}`).toBe(body);
    }
    expect((await getEntryStatus(t, entryId, receipt)).status).toBe(200);
  });
});

describe('with ENROLLMENT_KEY set', () => {
  it('every recognition route needs the key, and a wrong key counts as a guess', async () => {
    const t = await makeTestApp({ config: { enrollmentKey: 'company-enrollment-key' } });
    const key = { Authorization: 'Bearer company-enrollment-key' };
    const { entryId, receipt } = await (await submitEntry(t, entryDraft(), key)).json();
    const requests = [
      () => t.app.request('/api/v1/recognition/rounds', {}),
      () => submitEntry(t, entryDraft(), {}),
      () => getEntryStatus(t, entryId, receipt),
    ];
    for (const request of requests) expect((await request()).status).toBe(401);
    expect((await t.app.request('/api/v1/recognition/rounds', { headers: key })).status).toBe(200);
    expect((await getEntryStatus(t, entryId, receipt, key)).status).toBe(200);
    expect((await submitEntry(t, entryDraft(), { Authorization: 'Bearer wrong-key' })).status).toBe(401);
    expect((await t.storage.one<{ n: number }>(sql`SELECT COUNT(*) AS n FROM credential_failures`))!.n).toBeGreaterThan(0);
  });
});
