import { describe, expect, it } from 'vitest';
import { sql } from '../../../server/src/storage/sql';
import { LIMITS } from '../../../shared/src/schemas/limits';
import { json, send, snapshot } from '../../support/admin-api';
import { DEMO_ROUND_ID, entryDraft, roundDraft, submitEntry, submittedEntry } from '../../support/recognition-api';
import { makeTestApp } from '../../support/test-app';

type Refusal = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };

/** Sends `draft`, expects `status`, and that nothing at all was stored. */
async function refused(t: Awaited<ReturnType<typeof makeTestApp>>, draft: unknown, status: number, headers: Record<string, string> = {}): Promise<Refusal['error']> {
  const before = await snapshot(t);
  const response = await submitEntry(t, draft, headers);
  expect(response.status, await response.clone().text()).toBe(status);
  expect(await snapshot(t)).toBe(before);
  return (await json<Refusal>(response)).error;
}

describe('POST /api/v1/recognition/entries refuses, naming the field, and stores nothing', () => {
  it('a body that is not JSON, not an entry, or too large', async () => {
    const t = await makeTestApp();
    expect((await refused(t, JSON.stringify(entryDraft()), 415, { 'Content-Type': 'text/plain' })).code).toBe('unsupported_media_type');
    expect((await refused(t, '{"roundId":', 400)).code).toBe('invalid_json');
    expect((await refused(t, 'x'.repeat(LIMITS.entryBodyBytes + 1), 413)).code).toBe('payload_too_large');
    const { team: _team, ...noTeam } = entryDraft();
    expect((await refused(t, noTeam, 400)).issues?.map((i) => i.path)).toEqual(['team']);
    const error = await refused(t, entryDraft({ team: { name: 'x'.repeat(LIMITS.teamName + 1), department: 'support' }, installId: 'not-a-uuid', categoryId: 'Faster!' }), 400);
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: 'team.name', message: `must be at most ${LIMITS.teamName} characters` },
        { path: 'installId', message: 'must be the extension install id (a UUID)' },
        expect.objectContaining({ path: 'categoryId' }),
      ]),
    );
    expect(error.message).toMatch(/^Nothing was saved: .*team\.name/);
    // A person's name field, or anything else the form does not have.
    expect((await refused(t, { ...entryDraft(), submittedBy: 'Ana Lopez' }, 400)).issues?.[0]?.message).toMatch(/submittedBy/);
  });

  it('an unknown round or category (404)', async () => {
    const t = await makeTestApp();
    const round = await refused(t, entryDraft({ roundId: '2031-q4' }), 404);
    expect(round).toMatchObject({ code: 'not_found', issues: [{ path: 'roundId', message: 'is not a round' }] });
    expect(round.message).toContain('"2031-q4"');
    const category = await refused(t, entryDraft({ categoryId: 'fastest-team' }), 404);
    expect(category.issues).toEqual([{ path: 'categoryId', message: 'is not a category of 2027 Q1' }]);
    expect(category.message).toContain('"Faster for the customer", "Fewer customer problems", "Customer savings"');
  });

  it('a round not open for entries on the company-local day (409), saying when it opens or closed', async () => {
    const t = await makeTestApp();
    const later = roundDraft({ name: '2027 Q2', submissionOpens: '2027-01-12', submissionCloses: '2027-03-31', judgingEnds: '2027-04-20', announceOn: '2027-04-27' });
    expect((await send(t, 'POST', '/recognition/rounds', later)).status).toBe(201);
    const early = await refused(t, entryDraft({ roundId: '2027-q2' }), 409);
    expect(early.message).toBe('Submissions for 2027 Q2 open on 2027-01-12; nothing was saved.');
    expect(early.issues).toEqual([{ path: 'roundId', message: 'is not open for entries today (2026-11-23)' }]);
    // The demo round closes on 2026-12-14: the 14th is still open, the 15th is not.
    t.clock.set('2026-12-14T22:00:00Z');
    expect((await submitEntry(t, entryDraft())).status).toBe(201);
    t.clock.set('2026-12-15T00:30:00Z');
    expect((await refused(t, entryDraft(), 409)).message).toBe('Submissions for 2027 Q1 closed on 2026-12-14; nothing was saved.');
  });

  it('a self-check of a criterion the category does not have, or of one twice; a department the company does not have', async () => {
    const t = await makeTestApp();
    const error = await refused(
      t,
      entryDraft({
        team: { name: 'Returns desk', department: 'astrology' },
        selfCheck: [
          { criterionId: 'less-waiting', status: 'met' },
          { criterionId: 'fewer-problems', status: 'met' },
          { criterionId: 'less-waiting', status: 'partly' },
        ],
      }),
      400,
    );
    expect(error.issues).toEqual([
      { path: 'selfCheck.1.criterionId', message: 'is not a criterion of "Faster for the customer"' },
      { path: 'selfCheck.2.criterionId', message: 'checks "less-waiting" a second time' },
      { path: 'team.department', message: 'is not a department of the company ("astrology")' },
    ]);
  });

  it('a previous entry that does not exist, is of the same round, or of a later one (400)', async () => {
    const t = await makeTestApp();
    const sameRound = await submittedEntry(t);
    const message = { path: 'previousEntryId', message: 'is not an entry of a round before 2027 Q1' };
    expect((await refused(t, entryDraft({ previousEntryId: 'e-aaaaaaaaaaaa' }), 400)).issues).toEqual([message]);
    expect((await refused(t, entryDraft({ previousEntryId: sameRound.entryId }), 400)).issues).toEqual([message]);
    // An entry of a round that opened later (overlapping windows) is not an earlier one either.
    const overlapping = roundDraft({ name: 'Special', submissionOpens: '2026-11-20', submissionCloses: '2026-12-01', judgingEnds: '2026-12-10', announceOn: '2026-12-15' });
    expect((await send(t, 'POST', '/recognition/rounds', overlapping)).status).toBe(201);
    const later = await submittedEntry(t, { roundId: 'special' });
    expect((await refused(t, entryDraft({ previousEntryId: later.entryId }), 400)).issues).toEqual([message]);
  });

  it(`more than ${LIMITS.entriesPerInstallPerRound} entries from one install to one round (429); other installs and rounds are not counted`, async () => {
    const t = await makeTestApp();
    const installId = entryDraft().installId;
    for (let i = 0; i < LIMITS.entriesPerInstallPerRound; i++) await submittedEntry(t, { installId: i === 1 ? installId.toUpperCase() : installId });
    const error = await refused(t, entryDraft({ installId }), 429);
    expect(error.code).toBe('rate_limited');
    expect(error.message).toContain(`sent ${LIMITS.entriesPerInstallPerRound} entries to 2027 Q1`);
    expect((await refused(t, entryDraft({ installId: installId.toUpperCase() }), 429)).code).toBe('rate_limited');
    await submittedEntry(t);
    const other = roundDraft({ name: 'Special', submissionOpens: '2026-11-20', submissionCloses: '2026-12-01', judgingEnds: '2026-12-10', announceOn: '2026-12-15' });
    expect((await send(t, 'POST', '/recognition/rounds', other)).status).toBe(201);
    await submittedEntry(t, { roundId: 'special', installId });
  });

  it('takes exactly the limit from one install sending many entries at once, on every engine', async () => {
    const t = await makeTestApp();
    const installId = entryDraft().installId;
    const answers = await Promise.all(Array.from({ length: 8 }, () => submitEntry(t, entryDraft({ installId }))));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(LIMITS.entriesPerInstallPerRound);
    expect(statuses.filter((s) => s === 429)).toHaveLength(8 - LIMITS.entriesPerInstallPerRound);
    const stored = await t.storage.one<{ n: number }>(sql`SELECT COUNT(*) AS n FROM recognition_entries WHERE round_id = ${DEMO_ROUND_ID}`);
    expect(Number(stored!.n)).toBe(4 + LIMITS.entriesPerInstallPerRound);
  });
});
