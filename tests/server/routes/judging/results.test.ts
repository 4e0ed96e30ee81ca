import { describe, expect, it } from 'vitest';
import { setScheduledStory } from '../../../../server/src/storage/queries/set-scheduled-story';
import { sql } from '../../../../server/src/storage/sql';
import { ContentBundleSchema } from '../../../../shared/src/schemas/content-bundle';
import { JudgingRoundListSchema, PublishedResultsSchema, RoundWinnersSchema } from '../../../../shared/src/schemas/judging';
import type { EntryStatus } from '../../../../shared/src/schemas/recognition-entry';
import { auditLog, contentTag, json, send, snapshot } from '../../../support/admin-api';
import { DAYS, entriesSeenBy, judging, panelApp, score } from '../../../support/judging-api';
import { DEMO_ROUND_ID, getEntryStatus, roundDraft, submittedEntry } from '../../../support/recognition-api';

type Body = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };
type TestApp = Awaited<ReturnType<typeof panelApp>>;

const winners = (t: TestApp, entryIds: unknown, who: 'chair' | 'jo' = 'chair') => judging(t, who, 'PUT', `/rounds/${DEMO_ROUND_ID}/winners`, { entryIds });
const publish = (t: TestApp, roundId = DEMO_ROUND_ID, who: 'chair' | 'jo' = 'chair') => judging(t, who, 'POST', `/rounds/${roundId}/publish`);

/** The demo round's entries, by department (one each), and feedback from Jo to all but `except`. */
async function demoEntries(t: TestApp, { feedbackExcept = [] as string[] } = {}) {
  const entries = await entriesSeenBy(t, 'chair', DEMO_ROUND_ID);
  const by = (department: string) => entries.find((e) => e.team.department === department)!;
  for (const entry of entries) {
    if (!feedbackExcept.includes(entry.team.department)) await score(t, 'jo', entry, 3, { feedback: `Feedback to ${entry.team.name}.` });
  }
  return { entries, dispatch: by('support'), line4: by('manufacturing'), logistics: by('operations'), billing: by('engineering') };
}

describe('PUT /api/v1/judging/rounds/:roundId/winners', () => {
  it('marks the whole set of winners (replacing the last), shown to the panel, audited', async () => {
    const t = await panelApp(DAYS.judging);
    const { dispatch, line4, logistics } = await demoEntries(t);
    const response = await winners(t, [line4.id, dispatch.id]);
    expect(response.status).toBe(200);
    expect(RoundWinnersSchema.parse(await json(response))).toEqual({ roundId: DEMO_ROUND_ID, entryIds: [dispatch.id, line4.id] });
    expect((await json(winners(t, [logistics.id]))).entryIds).toEqual([logistics.id]);
    const seen = await entriesSeenBy(t, 'jo', DEMO_ROUND_ID);
    expect(seen.filter((e) => e.winner).map((e) => e.id)).toEqual([logistics.id]);
    expect((await auditLog(t))[0]).toMatchObject({ label: 'ADMIN_TOKEN (environment)', action: 'marked winners', entity: 'round', entityId: DEMO_ROUND_ID, summary: `${logistics.id} (was ${dispatch.id}, ${line4.id})` });
    expect((await json(winners(t, []))).entryIds).toEqual([]);
    expect((await auditLog(t))[0]!.summary).toBe(`none (was ${logistics.id})`);
  });

  it('takes entries of that round only (400 naming each unknown one), changing nothing', async () => {
    const t = await panelApp(DAYS.open);
    const q4 = roundDraft({ name: '2026 Q4', submissionOpens: '2026-11-01', submissionCloses: '2026-11-30', judgingEnds: '2026-12-05', announceOn: '2026-12-07' });
    expect((await send(t, 'POST', '/recognition/rounds', q4)).status).toBe(201);
    const other = await submittedEntry(t, { roundId: '2026-q4' });
    t.clock.set(DAYS.judging);
    const { line4 } = await demoEntries(t);
    const before = await snapshot(t);
    const response = await winners(t, [line4.id, other.entryId, 'e-aaaaaaaaaaaa']);
    expect(response.status).toBe(400);
    expect((await json<Body>(response)).error.issues).toEqual([
      { path: 'entryIds.1', message: `"${other.entryId}" is not an entry of 2027 Q1` },
      { path: 'entryIds.2', message: '"e-aaaaaaaaaaaa" is not an entry of 2027 Q1' },
    ]);
    for (const body of [{ entryIds: [line4.id, line4.id] }, { entryIds: 'all' }, {}, { entryIds: [], extra: 1 }]) {
      const bad = await judging(t, 'chair', 'PUT', `/rounds/${DEMO_ROUND_ID}/winners`, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
    expect(await snapshot(t)).toBe(before);
  });

  it('is refused while the round takes entries and once its results are published (409), for an unknown round (404), and for a judge (403)', async () => {
    const t = await panelApp(DAYS.open);
    const open = await winners(t, []);
    expect(open.status).toBe(409);
    expect((await json<Body>(open)).error.message).toBe('2027 Q1 takes entries until 2026-12-14; winners are marked once every entry is in. Nothing was saved.');
    expect((await judging(t, 'chair', 'PUT', '/rounds/nope/winners', { entryIds: [] })).status).toBe(404);
    t.clock.set(DAYS.judging);
    expect((await winners(t, [], 'jo')).status).toBe(403);
    await demoEntries(t);
    expect((await publish(t)).status).toBe(200);
    const after = await winners(t, []);
    expect(after.status).toBe(409);
    expect((await json<Body>(after)).error.message).toBe('The results of 2027 Q1 were published at 2026-12-20T10:00:00.000Z; they are published once. Nothing was saved.');
  });
});

describe('POST /api/v1/judging/rounds/:roundId/publish', () => {
  it('is refused while an entry that did not win lacks feedback, naming each; a winner needs none; nothing changes', async () => {
    const t = await panelApp(DAYS.judging);
    const { dispatch, line4, billing } = await demoEntries(t, { feedbackExcept: ['support', 'manufacturing', 'engineering'] });
    // A scorecard without feedback does not count.
    await score(t, 'lee', billing, 4, { panelNote: 'Only a note.' });
    expect((await winners(t, [line4.id])).status).toBe(200);
    const before = await snapshot(t);
    const refused = await publish(t);
    expect(refused.status).toBe(409);
    const { error } = await json<Body>(refused);
    expect(error.message).toBe(
      `Every team that is not recognized learns why: no judge has written feedback to "Field service dispatch desk" (${dispatch.id}), "Billing portal squad" (${billing.id}) yet. Nothing was published.`,
    );
    expect(error.issues).toEqual([
      { path: `entries.${dispatch.id}`, message: 'did not win and has no feedback from any judge' },
      { path: `entries.${billing.id}`, message: 'did not win and has no feedback from any judge' },
    ]);
    expect(await snapshot(t)).toBe(before);
    // The panel summary names the same entries.
    expect((await json(judging(t, 'chair', 'GET', `/rounds/${DEMO_ROUND_ID}/summary`))).missingFeedback.sort()).toEqual([dispatch.id, billing.id].sort());

    await score(t, 'lee', dispatch, 3, { feedback: 'Tell us how long it lasted.' });
    await score(t, 'lee', billing, 4, { feedback: 'Show the months after.' });
    expect((await publish(t)).status).toBe(200);
  });

  it('sets outcomes and plans the days, making no story before the announcement day; audits, once', async () => {
    const t = await panelApp(DAYS.open);
    const extra = await submittedEntry(t, { categoryId: 'faster-for-the-customer', team: { name: 'Returns desk', department: 'finance' } });
    t.clock.set(DAYS.judging);
    // A CX lead already put a story on the announcement day: it stays.
    await setScheduledStory(t.storage, '2027-01-11', 'night-shift-login', new Date(DAYS.judging));
    const { entries, line4, logistics } = await demoEntries(t);
    await score(t, 'lee', (await entriesSeenBy(t, 'lee', DEMO_ROUND_ID)).find((e) => e.id === extra.entryId)!, 3, { feedback: 'Close.' });
    // Marked out of order: stories follow the round's category order (faster…, then savings).
    expect((await winners(t, [logistics.id, line4.id])).status).toBe(200);
    const tag = await contentTag(t);

    const response = await publish(t);
    expect(response.status).toBe(200);
    const results = PublishedResultsSchema.parse(await json(response));
    expect(results).toMatchObject({ roundId: DEMO_ROUND_ID, resultsPublishedAt: '2026-12-20T10:00:00.000Z', announceOn: '2027-01-11' });
    // The days planned (the stories are made on 2027-01-11).
    expect(results.stories).toEqual([
      { entryId: line4.id, storyId: `recognized-${line4.id}`, scheduledOn: '2027-01-12' },
      { entryId: logistics.id, storyId: `recognized-${logistics.id}`, scheduledOn: '2027-01-13' },
    ]);
    expect(Object.fromEntries(results.outcomes.map((o) => [o.entryId, o.outcome]))).toEqual(
      Object.fromEntries([...entries.map((e) => e.id), extra.entryId].map((id) => [id, id === line4.id || id === logistics.id ? 'recognized' : 'not_this_round'])),
    );
    const stored = await t.storage.all<{ id: string; outcome: string; storyId: string | null }>(sql`SELECT id, outcome, story_id AS "storyId" FROM recognition_entries WHERE round_id = ${DEMO_ROUND_ID}`);
    expect(stored.find((row) => row.id === line4.id)).toMatchObject({ outcome: 'recognized', storyId: null });
    expect(stored.find((row) => row.id === extra.entryId)).toMatchObject({ outcome: 'not_this_round', storyId: null });

    // Nothing a browser syncs (nor the admin's story list) names a winner yet: the content is unchanged.
    expect(await contentTag(t)).toEqual(tag);
    const bundle = ContentBundleSchema.parse(await json(t.app.request('/api/v1/content')));
    expect(bundle.stories.filter((s) => s.recognition)).toEqual([]);
    expect(JSON.stringify(bundle)).not.toMatch(/Logistics planning team|recognized-/);
    expect(bundle.schedule).toMatchObject({ '2027-01-11': 'night-shift-login' });
    expect(bundle.schedule['2027-01-12']).toBeUndefined();
    const listed = await json<{ stories: { id: string }[] }>(send(t, 'GET', '/stories?status=all'));
    expect(listed.stories.filter((s) => s.id.startsWith('recognized-'))).toEqual([]);
    expect(await t.storage.all(sql`SELECT id FROM stories WHERE recognition IS NOT NULL`)).toEqual([]);

    // The round: published, judging over.
    const { rounds } = JudgingRoundListSchema.parse(await json(judging(t, 'chair', 'GET', '/rounds')));
    expect(rounds[0]).toMatchObject({ phase: 'awaiting_announcement', resultsPublishedAt: '2026-12-20T10:00:00.000Z' });

    const log = await auditLog(t);
    expect(log[0]).toMatchObject({
      action: 'published results',
      entity: 'round',
      entityId: DEMO_ROUND_ID,
      summary: `2 recognized, 3 not this round; announced on 2027-01-11 (planned: ${line4.id} on 2027-01-12, ${logistics.id} on 2027-01-13)`,
    });
    expect(log.filter((e) => e.entity === 'story' || e.entity === 'schedule')).toEqual([]);

    // Twice: refused, nothing changed.
    const before = await snapshot(t);
    const again = await publish(t);
    expect(again.status).toBe(409);
    expect((await json<Body>(again)).error.message).toBe('The results of 2027 Q1 were published at 2026-12-20T10:00:00.000Z; they are published once. Nothing was published.');
    expect(await snapshot(t)).toBe(before);
  });

  it('shows teams their outcome and feedback from the announcement day on (the receipt route), not a minute before', async () => {
    const t = await panelApp(DAYS.open, { timezone: 'Europe/Paris' });
    const mine = await submittedEntry(t, { team: { name: 'Returns desk', department: 'finance' } });
    t.clock.set(DAYS.judging);
    await demoEntries(t);
    await score(t, 'lee', (await entriesSeenBy(t, 'lee', DEMO_ROUND_ID)).find((e) => e.id === mine.entryId)!, 2, { feedback: 'Show a month of figures.' });
    expect((await publish(t)).status).toBe(200);
    // 2027-01-10T22:59Z is still the 10th in Paris; 23:00Z is the 11th.
    t.clock.set('2027-01-10T22:59:59Z');
    expect(await json<EntryStatus>(getEntryStatus(t, mine.entryId, mine.receipt))).toMatchObject({ status: 'in_review', feedback: [] });
    t.clock.set('2027-01-10T23:00:00Z');
    expect(await json<EntryStatus>(getEntryStatus(t, mine.entryId, mine.receipt))).toMatchObject({ status: 'not_this_round', feedback: ['Feedback to Returns desk.', 'Show a month of figures.'], announceOn: '2027-01-11' });
  });

  it('publishes once when the chair\'s publish is sent twice at the same time (on PostgreSQL, under the content lock)', async () => {
    const t = await panelApp(DAYS.judging);
    const { line4 } = await demoEntries(t);
    expect((await winners(t, [line4.id])).status).toBe(200);
    const answers = await Promise.all([publish(t), publish(t), publish(t)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    expect(await t.storage.all(sql`SELECT id, outcome FROM recognition_entries WHERE outcome = 'recognized'`)).toEqual([{ id: line4.id, outcome: 'recognized' }]);
    expect(await t.storage.all(sql`SELECT id FROM stories WHERE recognition IS NOT NULL`)).toEqual([]);
  });

  it('published after the announcement day: announced at once, the winners scheduled from today', async () => {
    const t = await panelApp(DAYS.judging);
    const { line4 } = await demoEntries(t);
    expect((await winners(t, [line4.id])).status).toBe(200);
    t.clock.set('2027-01-20T10:00:00Z');
    const version = (await contentTag(t)).version;
    const results = PublishedResultsSchema.parse(await json(publish(t)));
    expect(results.stories).toEqual([{ entryId: line4.id, storyId: `recognized-${line4.id}`, scheduledOn: '2027-01-20' }]);
    expect((await json(judging(t, 'chair', 'GET', '/rounds'))).rounds[0].phase).toBe('announced');
    // The story is made in the same transaction, the chair named for it: a new content version.
    expect((await contentTag(t)).version).toBeGreaterThan(version);
    const bundle = ContentBundleSchema.parse(await json(t.app.request('/api/v1/content')));
    expect(bundle.schedule['2027-01-20']).toBe(`recognized-${line4.id}`);
    expect(bundle.stories.find((s) => s.id === `recognized-${line4.id}`)).toMatchObject({ publishOn: '2027-01-11', recognition: { roundName: '2027 Q1', teamName: line4.team.name } });
    expect(await t.storage.all(sql`SELECT story_id AS "storyId" FROM recognition_entries WHERE id = ${line4.id}`)).toEqual([{ storyId: `recognized-${line4.id}` }]);
    const log = await auditLog(t);
    expect(log.slice(0, 4).map((e) => [e.label, e.action, e.entity])).toEqual([
      ['ADMIN_TOKEN (environment)', 'announced winners', 'round'],
      ['ADMIN_TOKEN (environment)', 'scheduled', 'schedule'],
      ['ADMIN_TOKEN (environment)', 'created', 'story'],
      ['ADMIN_TOKEN (environment)', 'published results', 'round'],
    ]);
  });

  it('publishes a round without winners, and one without entries', async () => {
    const t = await panelApp(DAYS.open);
    const empty = roundDraft({ name: '2026 Q4', submissionOpens: '2026-11-01', submissionCloses: '2026-11-30', judgingEnds: '2026-12-05', announceOn: '2026-12-07' });
    expect((await send(t, 'POST', '/recognition/rounds', empty)).status).toBe(201);
    t.clock.set('2026-12-01T10:00:00Z');
    expect(PublishedResultsSchema.parse(await json(publish(t, '2026-q4')))).toMatchObject({ outcomes: [], stories: [] });
    t.clock.set(DAYS.judging);
    await demoEntries(t);
    const results = PublishedResultsSchema.parse(await json(publish(t)));
    expect(results.outcomes.every((o) => o.outcome === 'not_this_round')).toBe(true);
    expect(results.stories).toEqual([]);
  });

  it('is refused while the round takes entries (409), for an unknown round (404) and for a judge (403)', async () => {
    const t = await panelApp(DAYS.open);
    const before = await snapshot(t);
    const open = await publish(t);
    expect(open.status).toBe(409);
    expect((await json<Body>(open)).error.message).toBe('2027 Q1 takes entries until 2026-12-14; results are published once every entry is in. Nothing was published.');
    expect((await publish(t, 'nope')).status).toBe(404);
    t.clock.set(DAYS.judging);
    const judge = await publish(t, DEMO_ROUND_ID, 'jo');
    expect(judge.status).toBe(403);
    expect((await json<Body>(judge)).error.message).toBe("This needs the admin role; your token is a judge's.");
    expect(await snapshot(t)).toBe(before);
  });
});
