import { describe, expect, it } from 'vitest';
import { sql } from '../../../../server/src/storage/sql';
import { JudgingEntrySchema, SavedScorecardSchema } from '../../../../shared/src/schemas/judging';
import { LIMITS } from '../../../../shared/src/schemas/limits';
import { auditLog, json, snapshot } from '../../../support/admin-api';
import { DAYS, PANEL, entriesSeenBy, judging, panelApp, score, scorecardFor } from '../../../support/judging-api';
import { DEMO_ROUND_ID } from '../../../support/recognition-api';

type Body = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };

async function firstEntry(t: Awaited<ReturnType<typeof panelApp>>, department = 'manufacturing') {
  return (await entriesSeenBy(t, 'chair', DEMO_ROUND_ID)).find((e) => e.team.department === department)!;
}

describe('GET /api/v1/judging/entries/:entryId', () => {
  it('shows one entry as judges score it', async () => {
    const t = await panelApp(DAYS.judging);
    const line4 = await firstEntry(t);
    const response = await judging(t, 'jo', 'GET', `/entries/${line4.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(JudgingEntrySchema.parse(await json(response))).toEqual(line4);
  });

  it('answers an entry of a judge\'s own department exactly as an entry that does not exist', async () => {
    const t = await panelApp(DAYS.judging);
    const dispatch = await firstEntry(t, 'support');
    const conflict = await judging(t, 'kim', 'GET', `/entries/${dispatch.id}`);
    const missing = await judging(t, 'kim', 'GET', '/entries/e-aaaaaaaaaaaa');
    expect(conflict.status).toBe(404);
    expect(missing.status).toBe(404);
    expect((await conflict.text()).replace(dispatch.id, 'ID')).toBe((await missing.text()).replace('e-aaaaaaaaaaaa', 'ID'));
    expect((await judging(t, 'jo', 'GET', `/entries/${dispatch.id}`)).status).toBe(200);
  });
});

describe('PUT /api/v1/judging/entries/:entryId/scorecard', () => {
  it('saves a score for every criterion, feedback and a panel note; a second save replaces the judge\'s card', async () => {
    const t = await panelApp(DAYS.judging);
    const line4 = await firstEntry(t);
    const response = await judging(t, 'jo', 'PUT', `/entries/${line4.id}/scorecard`, scorecardFor(line4, 4, { feedback: '  Measured well.\r\nKeep going.  ', panelNote: 'Shortlist.' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(SavedScorecardSchema.parse(await json(response))).toEqual({
      scores: [
        { criterionId: 'less-waiting', score: 4 },
        { criterionId: 'reusable-method', score: 4 },
        { criterionId: 'customer-acknowledged', score: 4 },
      ],
      feedback: 'Measured well.\nKeep going.',
      panelNote: 'Shortlist.',
      updatedAt: '2026-12-20T10:00:00.000Z',
    });
    t.clock.set('2026-12-21T09:00:00Z');
    // A blank feedback box is no feedback.
    const again = await json(judging(t, 'jo', 'PUT', `/entries/${line4.id}/scorecard`, scorecardFor(line4, 2, { feedback: '   ' })));
    expect(again).toMatchObject({ feedback: null, panelNote: null, updatedAt: '2026-12-21T09:00:00.000Z' });
    expect((await json(judging(t, 'jo', 'GET', `/entries/${line4.id}`))).scorecard.scores.map((s: { score: number }) => s.score)).toEqual([2, 2, 2]);
  });

  it('is audited as who scored which entry, never the scores, the feedback or the note', async () => {
    const t = await panelApp(DAYS.judging);
    const line4 = await firstEntry(t);
    await score(t, 'jo', line4, 3, { feedback: 'Secret feedback text.', panelNote: 'Secret panel note.' });
    await score(t, 'jo', line4, 4, { feedback: 'Secret feedback text.' });
    const log = await auditLog(t);
    expect(log.slice(0, 2)).toEqual([
      expect.objectContaining({ label: 'Jo (judge)', action: 'rescored', entity: 'entry', entityId: line4.id, summary: '"Line 4 maintenance crew" in 2027 Q1, Faster for the customer' }),
      expect.objectContaining({ label: 'Jo (judge)', action: 'scored', entity: 'entry', entityId: line4.id }),
    ]);
    expect(JSON.stringify(log)).not.toMatch(/Secret/);
  });

  it('lets the chair score too', async () => {
    const t = await panelApp(DAYS.judging);
    const line4 = await firstEntry(t);
    expect((await judging(t, 'chair', 'PUT', `/entries/${line4.id}/scorecard`, scorecardFor(line4, 5))).status).toBe(200);
  });

  it('is taken only while the round is judged: after submissions close, through judgingEnds, before the results; 409 says when', async () => {
    const t = await panelApp(DAYS.open);
    const line4 = await firstEntry(t);
    const put = () => judging(t, 'jo', 'PUT', `/entries/${line4.id}/scorecard`, scorecardFor(line4, 4, { feedback: 'Good.' }));
    const before = await snapshot(t);
    const open = await put();
    expect(open.status).toBe(409);
    expect((await json<Body>(open)).error.message).toBe(
      '2027 Q1 is still taking entries (until 2026-12-14); scorecards are taken from 2026-12-15 through 2027-01-04, once every entry is in. Nothing was saved.',
    );
    expect(await snapshot(t)).toBe(before);
    // The first day after submissions close, and the last day of judging.
    t.clock.set('2026-12-15T00:00:00Z');
    expect((await put()).status).toBe(200);
    t.clock.set('2027-01-04T23:59:59Z');
    expect((await put()).status).toBe(200);
    t.clock.set(DAYS.afterJudging);
    const late = await put();
    expect(late.status).toBe(409);
    expect((await json<Body>(late)).error.message).toBe(
      'Judging of 2027 Q1 ended on 2027-01-04 (scorecards were taken from 2026-12-15 through 2027-01-04); today is 2027-01-05. Nothing was saved.',
    );
  });

  it('is closed once the results are published, even before judgingEnds', async () => {
    const t = await panelApp(DAYS.judging);
    for (const entry of await entriesSeenBy(t, 'jo', DEMO_ROUND_ID)) await score(t, 'jo', entry, 3, { feedback: 'Not this round.' });
    expect((await judging(t, 'chair', 'POST', `/rounds/${DEMO_ROUND_ID}/publish`)).status).toBe(200);
    const line4 = await firstEntry(t);
    const response = await judging(t, 'lee', 'PUT', `/entries/${line4.id}/scorecard`, scorecardFor(line4, 4));
    expect(response.status).toBe(409);
    expect((await json<Body>(response)).error.message).toBe('The results of 2027 Q1 are published; its scorecards are closed. Nothing was saved.');
  });

  it('refuses a card missing criteria or scoring unknown ones (400 naming them), and scores outside 1–5, changing nothing', async () => {
    const t = await panelApp(DAYS.judging);
    const line4 = await firstEntry(t);
    const before = await snapshot(t);
    const put = (body: unknown) => judging(t, 'jo', 'PUT', `/entries/${line4.id}/scorecard`, body);

    const missing = await put({ scores: [{ criterionId: 'less-waiting', score: 4 }] });
    expect(missing.status).toBe(400);
    expect((await json<Body>(missing)).error.issues).toEqual([
      {
        path: 'scores',
        message: 'must score every criterion of "Faster for the customer"; missing "reusable-method" (A method other teams can reuse), "customer-acknowledged" (The customer noticed)',
      },
    ]);
    const unknown = await put({ scores: [...scorecardFor(line4, 4).scores, { criterionId: 'adoption', score: 5 }] });
    expect(unknown.status).toBe(400);
    const body = await json<Body>(unknown);
    expect(body.error.issues).toEqual([{ path: 'scores.3.criterionId', message: '"adoption" is not a criterion of "Faster for the customer"' }]);
    expect(body.error.message).toContain('scores.3.criterionId');
    // A criterion of another category of the round is unknown here too.
    expect((await json<Body>(await put({ scores: [...scorecardFor(line4, 4).scores, { criterionId: 'root-cause', score: 5 }] }))).error.issues![0]!.path).toBe('scores.3.criterionId');

    for (const [card, path] of [
      [{ scores: [{ criterionId: 'less-waiting', score: 6 }] }, 'scores.0.score'],
      [{ scores: [{ criterionId: 'less-waiting', score: 0 }] }, 'scores.0.score'],
      [{ scores: [{ criterionId: 'less-waiting', score: 2.5 }] }, 'scores.0.score'],
      [{ scores: [{ criterionId: 'less-waiting', score: 4 }, { criterionId: 'less-waiting', score: 5 }] }, 'scores'],
      [{ ...scorecardFor(line4, 4), winner: true }, '(body)'],
      [{ ...scorecardFor(line4, 4), feedback: 'x'.repeat(LIMITS.feedback + 1) }, 'feedback'],
      [{}, 'scores'],
    ] as const) {
      const response = await put(card);
      expect(response.status, JSON.stringify(card).slice(0, 80)).toBe(400);
      expect((await json<Body>(response)).error.issues!.map((issue) => issue.path), JSON.stringify(card).slice(0, 80)).toContain(path);
    }
    expect((await put('{"scores": [')).status).toBe(400);
    const text = await t.app.request(`/api/v1/judging/entries/${line4.id}/scorecard`, { method: 'PUT', headers: { Authorization: `Bearer ${PANEL.jo}`, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(text.status).toBe(415);
    expect((await put({ ...scorecardFor(line4, 4), feedback: 'x'.repeat(LIMITS.adminBodyBytes) })).status).toBe(413);
    expect(await snapshot(t)).toBe(before);
  });

  it('answers an unknown entry and an entry of the judge\'s own department alike (404), changing nothing', async () => {
    const t = await panelApp(DAYS.judging);
    const dispatch = await firstEntry(t, 'support');
    const before = await snapshot(t);
    const conflict = await judging(t, 'kim', 'PUT', `/entries/${dispatch.id}/scorecard`, scorecardFor(dispatch, 5));
    const missing = await judging(t, 'kim', 'PUT', '/entries/e-aaaaaaaaaaaa/scorecard', scorecardFor(dispatch, 5));
    expect([conflict.status, missing.status]).toEqual([404, 404]);
    expect((await conflict.text()).replace(dispatch.id, 'ID')).toBe((await missing.text()).replace('e-aaaaaaaaaaaa', 'ID'));
    expect(await snapshot(t)).toBe(before);
  });

  it('refuses a viewer (403), by token and by session, changing nothing', async () => {
    const t = await panelApp(DAYS.judging);
    const line4 = await firstEntry(t);
    const byToken = await judging(t, 'vi', 'PUT', `/entries/${line4.id}/scorecard`, scorecardFor(line4, 5));
    expect(byToken.status).toBe(403);
    expect((await json<Body>(byToken)).error.message).toBe("This needs the admin or judge role; your token is a viewer's.");
    const signIn = await t.app.request('/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: PANEL.vi }) });
    const cookie = signIn.headers.get('Set-Cookie')!.split(';')[0]!;
    const { csrfToken } = await json<{ csrfToken: string }>(signIn);
    const bySession = await t.app.request(`/api/v1/judging/entries/${line4.id}/scorecard`, {
      method: 'PUT',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json' },
      body: JSON.stringify(scorecardFor(line4, 5)),
    });
    expect(bySession.status).toBe(403);
    // Signing in made a session; nothing else changed.
    expect(await t.storage.all(sql`SELECT * FROM recognition_scores`)).toEqual([]);
    expect((await auditLog(t)).filter((entry) => entry.entity === 'entry')).toEqual([]);
    expect((await judging(t, 'vi', 'GET', `/entries/${line4.id}`)).status).toBe(403);
  });
});
