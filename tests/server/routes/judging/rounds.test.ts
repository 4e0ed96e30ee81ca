import { describe, expect, it } from 'vitest';
import { revokeAdminToken } from '../../../../server/src/storage/queries/revoke-admin-token';
import { listAdminTokens } from '../../../../server/src/storage/queries/list-admin-tokens';
import { JudgingEntryListSchema, JudgingRoundListSchema, RoundStatsSchema, RoundSummarySchema, type RoundSummary } from '../../../../shared/src/schemas/judging';
import { json, send } from '../../../support/admin-api';
import { DAYS, entriesSeenBy, judging, panelApp, score, type Member } from '../../../support/judging-api';
import { DEMO_ROUND_ID, roundDraft, submittedEntry } from '../../../support/recognition-api';
import { makeTestApp } from '../../../support/test-app';

const CHAIR = 'ADMIN_TOKEN (environment)';

async function summaryFor(t: Awaited<ReturnType<typeof makeTestApp>>, who: Member, roundId = DEMO_ROUND_ID): Promise<RoundSummary> {
  const response = await judging(t, who, 'GET', `/rounds/${roundId}/summary`);
  expect(response.status).toBe(200);
  return RoundSummarySchema.parse(await response.json());
}
const line = (summary: RoundSummary, entryId: string) => summary.categories.flatMap((c) => c.entries).find((e) => e.entryId === entryId)!;

describe('GET /api/v1/judging/rounds', () => {
  it('lists every round with its phase, the entries the caller may see and how many of them the caller scored', async () => {
    const t = await panelApp();
    const response = await judging(t, 'chair', 'GET', '/rounds');
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const body = await json(response);
    expect(JSON.stringify(body)).not.toMatch(/salt/i);
    const { rounds } = JudgingRoundListSchema.parse(body);
    expect(rounds).toEqual([expect.objectContaining({ id: DEMO_ROUND_ID, name: '2027 Q1', phase: 'open', resultsPublishedAt: null, entries: 4, scoredByYou: 0 })]);
    expect(rounds[0]!.categories.map((c) => c.id)).toEqual(['faster-for-the-customer', 'fewer-customer-problems', 'customer-savings']);
    // Kim is tied to support: the demo's support entry is not counted for her.
    expect((await json(judging(t, 'kim', 'GET', '/rounds'))).rounds[0]).toMatchObject({ entries: 3, scoredByYou: 0 });

    t.clock.set(DAYS.judging);
    const [first] = await entriesSeenBy(t, 'jo', DEMO_ROUND_ID);
    await score(t, 'jo', first!, 4);
    expect((await json(judging(t, 'jo', 'GET', '/rounds'))).rounds[0]).toMatchObject({ phase: 'judging', entries: 4, scoredByYou: 1 });
    expect((await json(judging(t, 'lee', 'GET', '/rounds'))).rounds[0]).toMatchObject({ scoredByYou: 0 });
  });
});

describe('GET /api/v1/judging/rounds/:roundId/entries', () => {
  it('shows each entry with its category\'s criteria, the team\'s self-check, its history and the caller\'s own scorecard, in the round\'s category order', async () => {
    const t = await panelApp();
    const mine = await submittedEntry(t, { team: { name: 'Returns desk', department: 'finance' } });
    const response = await judging(t, 'chair', 'GET', `/rounds/${DEMO_ROUND_ID}/entries`);
    expect(response.status).toBe(200);
    const body = await json(response);
    // Never the receipt's or the install's hash.
    expect(JSON.stringify(body)).not.toMatch(/receipt|install|hash/i);
    const list = JudgingEntryListSchema.parse(body);
    expect(list.phase).toBe('open');
    expect(list.entries.map((e) => e.categoryId)).toEqual(['faster-for-the-customer', 'faster-for-the-customer', 'faster-for-the-customer', 'fewer-customer-problems', 'customer-savings']);
    const entry = list.entries.find((e) => e.id === mine.entryId)!;
    expect(entry).toMatchObject({
      roundId: DEMO_ROUND_ID,
      categoryName: 'Faster for the customer',
      team: { name: 'Returns desk', department: 'finance' },
      customer: 'Harbour Bank — operations lead',
      acknowledgement: { quote: 'The refund was there before I had asked twice.', source: 'Customer email, 3 November' },
      selfCheck: [
        { criterionId: 'less-waiting', status: 'met', note: '12 → 2 days on 80 refunds.' },
        { criterionId: 'customer-acknowledged', status: 'partly' },
      ],
      history: [],
      scorecard: null,
      winner: false,
      outcome: null,
      submittedAt: '2026-11-23T10:00:00.000Z',
    });
    expect(entry.criteria.map((c) => [c.id, c.weight])).toEqual([
      ['less-waiting', 5],
      ['reusable-method', 3],
      ['customer-acknowledged', 2],
    ]);
    expect(entry.criteria[0]!.guidance).toMatch(/^Compare the wait before and after/);
    expect(entry.criteria[2]!.evidence).toMatch(/^A quote from the customer/);
  });

  it('never lists a department\'s entries to a judge tied to it; an unknown round is 404', async () => {
    const t = await panelApp();
    await submittedEntry(t, { team: { name: 'Returns desk', department: 'support' } });
    expect((await entriesSeenBy(t, 'jo', DEMO_ROUND_ID)).filter((e) => e.team.department === 'support')).toHaveLength(2);
    expect((await entriesSeenBy(t, 'kim', DEMO_ROUND_ID)).map((e) => e.team.department).sort()).toEqual(['engineering', 'manufacturing', 'operations']);
    const missing = await judging(t, 'chair', 'GET', '/rounds/1999-q1/entries');
    expect(missing.status).toBe(404);
    expect((await json(missing)).error.message).toBe('There is no round "1999-q1"; ask GET /api/v1/judging/rounds for the rounds.');
  });

  it('shows each caller only their own scorecard', async () => {
    const t = await panelApp(DAYS.judging);
    const [first] = await entriesSeenBy(t, 'jo', DEMO_ROUND_ID);
    await score(t, 'jo', first!, 4, { feedback: 'Good figures.', panelNote: 'Shortlist.' });
    const jos = (await entriesSeenBy(t, 'jo', DEMO_ROUND_ID)).find((e) => e.id === first!.id)!;
    expect(jos.scorecard).toMatchObject({ feedback: 'Good figures.', panelNote: 'Shortlist.', updatedAt: '2026-12-20T10:00:00.000Z' });
    expect(jos.scorecard!.scores.map((s) => s.score)).toEqual([4, 4, 4]);
    expect((await entriesSeenBy(t, 'lee', DEMO_ROUND_ID)).find((e) => e.id === first!.id)!.scorecard).toBeNull();
    expect((await entriesSeenBy(t, 'chair', DEMO_ROUND_ID)).find((e) => e.id === first!.id)!.scorecard).toBeNull();
  });

  it('shows a resubmission\'s history: the earlier entry\'s round and, once its results are published, its outcome and feedback', async () => {
    const t = await panelApp();
    const q4 = roundDraft({ name: '2026 Q4', submissionOpens: '2026-11-01', submissionCloses: '2026-11-30', judgingEnds: '2026-12-05', announceOn: '2026-12-07' });
    expect((await send(t, 'POST', '/recognition/rounds', q4)).status).toBe(201);
    const first = await submittedEntry(t, { roundId: '2026-q4', team: { name: 'Returns desk', department: 'finance' } });
    const again = await submittedEntry(t, { previousEntryId: first.entryId, team: { name: 'Returns desk', department: 'finance' } });
    const history = async () => (await entriesSeenBy(t, 'jo', DEMO_ROUND_ID)).find((e) => e.id === again.entryId)!.history;
    expect(await history()).toEqual([{ entryId: first.entryId, roundId: '2026-q4', roundName: '2026 Q4', categoryName: 'Faster for the customer', outcome: null, feedback: [] }]);

    // 2026 Q4 is judged and published: not this round, with feedback.
    t.clock.set('2026-12-03T10:00:00Z');
    const [earlier] = await entriesSeenBy(t, 'jo', '2026-q4');
    await score(t, 'jo', earlier!, 2, { feedback: 'Show the after figure over a full month.', panelNote: 'Close.' });
    // Before publishing, the feedback is not part of the history yet.
    expect((await history())[0]).toMatchObject({ outcome: null, feedback: [] });
    expect((await judging(t, 'chair', 'POST', '/rounds/2026-q4/publish')).status).toBe(200);
    const [item] = await history();
    expect(item).toEqual({ entryId: first.entryId, roundId: '2026-q4', roundName: '2026 Q4', categoryName: 'Faster for the customer', outcome: 'not_this_round', feedback: ['Show the after figure over a full month.'] });
    // One entry by id shows the same.
    expect((await json(judging(t, 'jo', 'GET', `/entries/${again.entryId}`))).history).toEqual([item]);
  });
});

describe('GET /api/v1/judging/rounds/:roundId/summary', () => {
  it('per category: weighted averages and spread between judges, who scored and who has not (by label), feedback counts', async () => {
    const t = await panelApp(DAYS.judging);
    const entries = await entriesSeenBy(t, 'chair', DEMO_ROUND_ID);
    const dispatch = entries.find((e) => e.team.department === 'support')!;
    const line4 = entries.find((e) => e.team.department === 'manufacturing')!;
    // Weights 5, 3, 2: Jo (5×5 + 3×3 + 2×1) / 10 = 3.6; Lee all 2 = 2.
    await score(t, 'jo', line4, { 'less-waiting': 5, 'reusable-method': 3, 'customer-acknowledged': 1 }, { feedback: 'Ask the customer for a quote.' });
    await score(t, 'lee', line4, 2, { feedback: 'The method is clear.', panelNote: 'Not a winner.' });
    await score(t, 'jo', dispatch, 5, { feedback: '   ' });

    const summary = await summaryFor(t, 'chair');
    expect(summary).toMatchObject({ roundId: DEMO_ROUND_ID, roundName: '2027 Q1', phase: 'judging' });
    expect(summary.categories.map((c) => [c.categoryId, c.categoryName, c.entries.length])).toEqual([
      ['faster-for-the-customer', 'Faster for the customer', 2],
      ['fewer-customer-problems', 'Fewer customer problems', 1],
      ['customer-savings', 'Customer savings', 1],
    ]);
    const four = line(summary, line4.id);
    expect(four).toMatchObject({ teamName: 'Line 4 maintenance crew', department: 'manufacturing', sealed: false, scoredBy: ['Jo (judge)', 'Lee (judge)'], feedbackCount: 2, winner: false, outcome: null });
    expect(four.average).toBeCloseTo(2.8);
    expect(four.spread).toBeCloseTo(1.6);
    // Kim (tied to support) is waited for on manufacturing's entry; the chair is never waited for.
    expect(four.pendingJudges).toEqual(['Kim (judge, support)']);
    expect(four.panelNotes).toEqual([{ judge: 'Lee (judge)', note: 'Not a winner.' }]);
    // Support's entry: Kim is neither waited for nor counted; blank feedback is none.
    expect(line(summary, dispatch.id)).toMatchObject({ average: 5, spread: 0, scoredBy: ['Jo (judge)'], pendingJudges: ['Lee (judge)'], feedbackCount: 0 });
    // Nothing scored yet.
    expect(line(summary, entries.find((e) => e.team.department === 'engineering')!.id)).toMatchObject({ average: null, spread: null, scoredBy: [], feedbackCount: 0 });
    // Every entry but Line 4 still lacks feedback.
    expect([...summary.missingFeedback].sort()).toEqual(entries.filter((e) => e.id !== line4.id).map((e) => e.id).sort());

    // The chair may score too: counted like a judge.
    await score(t, 'chair', line4, 5);
    expect(line(await summaryFor(t, 'chair'), line4.id).scoredBy).toEqual([CHAIR, 'Jo (judge)', 'Lee (judge)']);
  });

  it('keeps the panel\'s figures and notes from a judge until they have scored the entry themselves', async () => {
    const t = await panelApp(DAYS.judging);
    const line4 = (await entriesSeenBy(t, 'jo', DEMO_ROUND_ID)).find((e) => e.team.department === 'manufacturing')!;
    await score(t, 'jo', line4, 4, { panelNote: 'Shortlist.' });
    const sealed = line(await summaryFor(t, 'lee'), line4.id);
    expect(sealed).toMatchObject({ sealed: true, average: null, spread: null, panelNotes: [], scoredBy: ['Jo (judge)'], pendingJudges: ['Lee (judge)', 'Kim (judge, support)'] });
    await score(t, 'lee', line4, 2);
    expect(line(await summaryFor(t, 'lee'), line4.id)).toMatchObject({ sealed: false, average: 3, spread: 2, panelNotes: [{ judge: 'Jo (judge)', note: 'Shortlist.' }] });
    // The chair never is.
    expect(line(await summaryFor(t, 'chair'), line4.id).sealed).toBe(false);
  });

  it('leaves out, for a judge tied to a department, that department\'s entries; keeps the scores of a judge whose token was revoked, without waiting for them', async () => {
    const t = await panelApp(DAYS.judging);
    const entries = await entriesSeenBy(t, 'chair', DEMO_ROUND_ID);
    const dispatch = entries.find((e) => e.team.department === 'support')!;
    const kims = await summaryFor(t, 'kim');
    expect(kims.categories.flatMap((c) => c.entries).map((e) => e.department).sort()).toEqual(['engineering', 'manufacturing', 'operations']);
    expect(kims.missingFeedback).not.toContain(dispatch.id);

    await score(t, 'jo', dispatch, 3);
    const jo = (await listAdminTokens(t.storage)).find((token) => token.label === 'Jo (judge)')!;
    await revokeAdminToken(t.storage, jo.id, new Date(DAYS.judging));
    const after = await summaryFor(t, 'chair');
    expect(line(after, dispatch.id)).toMatchObject({ scoredBy: ['Jo (judge)'], pendingJudges: ['Lee (judge)'], average: 3 });
    // Nobody waits for a revoked judge on the entries they never scored.
    expect(line(after, entries.find((e) => e.team.department === 'engineering')!.id).pendingJudges).toEqual(['Lee (judge)', 'Kim (judge, support)']);
  });

  it('answers 404 for an unknown round', async () => {
    const t = await makeTestApp();
    expect((await judging(t, 'chair', 'GET', '/rounds/nope/summary')).status).toBe(404);
  });
});

describe('GET /api/v1/judging/rounds/:roundId/stats', () => {
  it('shows entries per department by name, folding departments with fewer than k entries into "other"; winners once announced', async () => {
    const t = await panelApp();
    // With the demo's four entries (one per department): support 7, engineering 6, manufacturing 1, operations 1.
    for (let i = 0; i < 6; i++) await submittedEntry(t, { team: { name: `Support team ${i}`, department: 'support' } });
    for (let i = 0; i < 5; i++) await submittedEntry(t, { team: { name: `Engineering team ${i}`, department: 'engineering' } });
    const response = await judging(t, 'vi', 'GET', `/rounds/${DEMO_ROUND_ID}/stats`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    // manufacturing and operations together are 2 entries, fewer than 5: engineering, the smallest named, joins them.
    expect(RoundStatsSchema.parse(await json(response))).toEqual({
      roundId: DEMO_ROUND_ID,
      roundName: '2027 Q1',
      phase: 'open',
      minGroupSize: 5,
      withheld: false,
      total: { entries: 15, winners: null },
      departments: [{ department: 'support', name: 'Customer Support', entries: 7, winners: null }],
      other: { departments: 3, entries: 8, winners: null },
    });

    // Published with one support winner: still null the day before the announcement, counted from it.
    t.clock.set(DAYS.judging);
    const entries = await entriesSeenBy(t, 'chair', DEMO_ROUND_ID);
    const winner = entries.find((e) => e.team.department === 'support')!;
    for (const entry of entries) if (entry.id !== winner.id) await score(t, 'jo', entry, 2, { feedback: 'Not this round.' });
    expect((await judging(t, 'chair', 'PUT', `/rounds/${DEMO_ROUND_ID}/winners`, { entryIds: [winner.id] })).status).toBe(200);
    expect((await judging(t, 'chair', 'POST', `/rounds/${DEMO_ROUND_ID}/publish`)).status).toBe(200);
    t.clock.set(DAYS.dayBeforeAnnouncement);
    expect((await json(judging(t, 'chair', 'GET', `/rounds/${DEMO_ROUND_ID}/stats`))).total).toEqual({ entries: 15, winners: null });
    t.clock.set(DAYS.announceOn);
    const announced = RoundStatsSchema.parse(await json(judging(t, 'vi', 'GET', `/rounds/${DEMO_ROUND_ID}/stats`)));
    expect(announced).toMatchObject({ phase: 'announced', total: { entries: 15, winners: 1 }, departments: [{ department: 'support', entries: 7, winners: 1 }], other: { departments: 3, entries: 8, winners: 0 } });
  });

  it('names every department (ordered by name, never ranked) when k allows, and withholds every figure when the round has too few entries', async () => {
    const small = await makeTestApp({ now: DAYS.open, config: { minGroupSize: 1 } });
    await submittedEntry(small, { team: { name: 'Support team', department: 'support' } });
    const stats = RoundStatsSchema.parse(await json(small.app.request(`/api/v1/judging/rounds/${DEMO_ROUND_ID}/stats`, { headers: small.admin })));
    expect(stats.departments.map((d) => [d.name, d.entries])).toEqual([
      ['Customer Support', 2],
      ['Engineering', 1],
      ['Manufacturing', 1],
      ['Operations', 1],
    ]);
    expect(stats.other).toBeNull();

    const t = await makeTestApp({ now: DAYS.open });
    expect(RoundStatsSchema.parse(await json(t.app.request(`/api/v1/judging/rounds/${DEMO_ROUND_ID}/stats`, { headers: t.admin })))).toMatchObject({
      withheld: true,
      total: null,
      departments: [],
      other: null,
    });
    expect((await t.app.request('/api/v1/judging/rounds/nope/stats', { headers: t.admin })).status).toBe(404);
  });
});
