import { describe, expect, it } from 'vitest';
import type { JudgingEntryList, RoundSummary } from '../../../../shared/src/schemas/judging';
import { auditLog, json } from '../../../support/admin-api';
import { DAYS, entriesSeenBy, judging, panelApp, score, scorecardFor } from '../../../support/judging-api';
import { personSession, type PersonSession } from '../../../support/person-session';
import { DEMO_ROUND_ID } from '../../../support/recognition-api';

type TestApp = Awaited<ReturnType<typeof panelApp>>;

/** The panel of judging-api, and two judges who signed in with the company's provider: Pat (manufacturing, by claim) and Quinn. */
async function mixedPanel() {
  const t = await panelApp(DAYS.judging);
  const now = new Date(DAYS.judging);
  const pat = await personSession(t.storage, { subject: 'pat', name: 'Pat Panel', groupRole: 'judge', department: 'manufacturing' }, now, 8);
  const quinn = await personSession(t.storage, { subject: 'quinn', name: 'Quinn Quorum', groupRole: 'judge' }, now, 8);
  return { t, pat, quinn };
}

const asPerson = (t: TestApp, who: PersonSession, method: string, path: string, body?: unknown) =>
  t.app.request(`/api/v1/judging${path}`, { method, headers: who.headers, body: body === undefined ? undefined : JSON.stringify(body) });

describe('judges signed in with the company’s provider', () => {
  it('score like a token judge: their own card, kept apart from every other judge’s, audited with their name', async () => {
    const { t, quinn } = await mixedPanel();
    const entries = await entriesSeenBy(t, 'chair', DEMO_ROUND_ID);
    const line4 = entries.find((e) => e.team.department === 'manufacturing')!;
    const saved = await asPerson(t, quinn, 'PUT', `/entries/${line4.id}/scorecard`, scorecardFor(line4, 5, { feedback: 'Clear before and after.' }));
    expect(saved.status).toBe(200);
    await score(t, 'jo', line4, 2);

    const mine = (await json<JudgingEntryList>(asPerson(t, quinn, 'GET', `/rounds/${DEMO_ROUND_ID}/entries`))).entries.find((e) => e.id === line4.id)!;
    expect(mine.scorecard?.scores.map((s) => s.score)).toEqual([5, 5, 5]);
    expect(mine.scorecard?.feedback).toBe('Clear before and after.');
    expect((await entriesSeenBy(t, 'jo', DEMO_ROUND_ID)).find((e) => e.id === line4.id)!.scorecard?.scores.map((s) => s.score)).toEqual([2, 2, 2]);
    expect((await json(asPerson(t, quinn, 'GET', '/rounds'))).rounds[0]).toMatchObject({ scoredByYou: 1 });

    // Scoring again replaces Quinn's card only.
    await asPerson(t, quinn, 'PUT', `/entries/${line4.id}/scorecard`, scorecardFor(line4, 4));
    // Newest first.
    expect((await auditLog(t)).filter((e) => e.entity === 'entry').map((e) => [e.label, e.action])).toEqual([
      ['Quinn Quorum', 'rescored'],
      ['Jo (judge)', 'scored'],
      ['Quinn Quorum', 'scored'],
    ]);
  });

  it('are on the panel by name: counted when they score, waited for until then, never for their own department', async () => {
    const { t, pat, quinn } = await mixedPanel();
    const entries = await entriesSeenBy(t, 'chair', DEMO_ROUND_ID);
    const line4 = entries.find((e) => e.team.department === 'manufacturing')!;
    const other = entries.find((e) => e.team.department !== 'manufacturing')!;
    // Pat's claimed department is kept from Pat: not shown, not scoreable, not waited for.
    expect((await json<JudgingEntryList>(asPerson(t, pat, 'GET', `/rounds/${DEMO_ROUND_ID}/entries`))).entries.map((e) => e.team.department)).not.toContain('manufacturing');
    expect((await asPerson(t, pat, 'PUT', `/entries/${line4.id}/scorecard`, scorecardFor(line4, 5))).status).toBe(404);

    await asPerson(t, quinn, 'PUT', `/entries/${line4.id}/scorecard`, scorecardFor(line4, 5, { panelNote: 'Strong.' }));
    const summary = await json<RoundSummary>(judging(t, 'chair', 'GET', `/rounds/${DEMO_ROUND_ID}/summary`));
    const lines = summary.categories.flatMap((c) => c.entries);
    const four = lines.find((e) => e.entryId === line4.id)!;
    expect(four.scoredBy).toEqual(['Quinn Quorum']);
    expect(four.pendingJudges).toEqual(['Jo (judge)', 'Lee (judge)', 'Kim (judge, support)']);
    expect(four.panelNotes).toEqual([{ judge: 'Quinn Quorum', note: 'Strong.' }]);
    expect(lines.find((e) => e.entryId === other.id)!.pendingJudges).toEqual(expect.arrayContaining(['Pat Panel', 'Quinn Quorum']));
  });
});
