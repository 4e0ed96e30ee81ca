import { checkScorecard } from '@customer-chair/shared/domain/check-scorecard';
import { judgeMaySee } from '@customer-chair/shared/domain/judge-may-see';
import { judgeKey } from '@customer-chair/shared/domain/judge-key';
import { addDays } from '@customer-chair/shared/domain/local-day';
import { roundPhase } from '@customer-chair/shared/domain/round-phase';
import type { JudgingEntry, SavedScorecard } from '@customer-chair/shared/schemas/judging';
import type { RoundPhase } from '@customer-chair/shared/schemas/recognition-round';
import { ScorecardSchema } from '@customer-chair/shared/schemas/scorecard';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppDeps } from '../../deps';
import { apiError, invalidRequest } from '../../http/api-error';
import { readJson } from '../../http/read-json';
import type { AdminVariables } from '../../middleware/require-admin';
import { companyToday } from '../../recognition/company-today';
import { judgingEntries, savedScorecard } from '../../recognition/judging-entries';
import { findEntryRecord } from '../../storage/queries/find-entry-record';
import { findRecognitionRound, type StoredRound } from '../../storage/queries/find-recognition-round';
import { insertAuditEntry } from '../../storage/queries/insert-audit-entry';
import { listRoundScorecards } from '../../storage/queries/list-round-scorecards';
import { saveScorecard } from '../../storage/queries/save-scorecard';

/**
 * `/api/v1/judging/entries/:entryId`: one entry, and the caller's scorecard of it.
 *
 * - `GET /entries/:entryId`: the entry as a judge scores it (JudgingEntry).
 * - `PUT /entries/:entryId/scorecard` (Scorecard): a score 1–5 for every
 *   criterion of the entry's category, feedback to the team (shown to them
 *   unsigned once the results are announced) and a note for the panel.
 *   Taken only while the round is being judged: from the day after
 *   submissions close through `judgingEnds`, and not once the results are
 *   published (roundPhase `judging`). Judges score; so may the chair (an
 *   admin), whose card counts like a judge's and whose feedback can be the
 *   one a team is waiting for. Audited: who scored which entry, never what.
 *
 * An entry the caller may not see (a judge's own department's: a conflict
 * of interest) answers exactly as an entry that does not exist.
 */
export function judgingEntryRoutes(deps: AppDeps) {
  const { storage, clock } = deps;
  const today = companyToday(deps);

  return new Hono<{ Variables: AdminVariables }>()
    .get('/entries/:entryId', async (c) => {
      const entry = await findEntryRecord(storage, c.req.param('entryId'));
      if (!entry || !judgeMaySee(c.var.admin, entry.team)) return noSuchEntry(c);
      const round = (await findRecognitionRound(storage, entry.roundId))!;
      const [shown] = await judgingEntries(storage, round, [entry], c.var.admin, { entryId: entry.id });
      return c.json<JudgingEntry>(shown!);
    })
    .put('/entries/:entryId/scorecard', async (c) => {
      const card = await readJson(c, ScorecardSchema);
      if (card instanceof Response) return card;
      const caller = c.var.admin;
      const judge = judgeKey(caller);
      // Under the content lock, as publishing is: no scorecard slips in while the results are being set.
      return storage.transaction(
        async (tx) => {
          const now = clock.now();
          const entry = await findEntryRecord(tx, c.req.param('entryId'));
          if (!entry || !judgeMaySee(caller, entry.team)) return noSuchEntry(c);
          const round = (await findRecognitionRound(tx, entry.roundId))!;
          const day = await today(tx);
          const phase = roundPhase(round, day, round.resultsPublishedAt);
          if (phase !== 'judging') return apiError(c, 409, 'conflict', `${notJudging(round, phase, day)} Nothing was saved.`);
          const category = round.categories.find((each) => each.id === entry.categoryId);
          // The rounds editor keeps a category with entries; only a hand-edited database lacks it.
          if (!category) return apiError(c, 409, 'conflict', `${round.name} no longer has this entry's category ("${entry.categoryId}"); nothing was saved.`);
          const issues = checkScorecard(category, card.scores);
          if (issues.length) return invalidRequest(c, issues);
          const before = (await listRoundScorecards(tx, { entryId: entry.id })).find((each) => each.judgeId === judge);
          await saveScorecard(tx, entry.id, caller, card, now);
          await insertAuditEntry(
            tx,
            {
              actor: caller,
              action: before ? 'rescored' : 'scored',
              entity: 'entry',
              entityId: entry.id,
              // Who scored which entry; never the scores, the feedback or the note.
              summary: `"${entry.team.name}" in ${round.name}, ${category.name}`,
            },
            now,
          );
          const saved = (await listRoundScorecards(tx, { entryId: entry.id })).find((each) => each.judgeId === judge)!;
          return c.json<SavedScorecard>(savedScorecard(saved));
        },
        { lock: 'content' },
      );
    });
}

/** The same answer for an entry that does not exist and one the caller may not see. */
function noSuchEntry(c: Context): Response {
  return apiError(c, 404, 'not_found', `There is no entry "${c.req.param('entryId')}" for you to judge; ask for a round's entries (GET /api/v1/judging/rounds/:roundId/entries).`);
}

/** Why scorecards are not taken today, and when they are. */
function notJudging(round: StoredRound, phase: RoundPhase, day: string): string {
  const window = `from ${addDays(round.submissionCloses, 1)} through ${round.judgingEnds}`;
  if (round.resultsPublishedAt !== null) return `The results of ${round.name} are published; its scorecards are closed.`;
  if (phase === 'upcoming' || phase === 'open') return `${round.name} is still taking entries (until ${round.submissionCloses}); scorecards are taken ${window}, once every entry is in.`;
  return `Judging of ${round.name} ended on ${round.judgingEnds} (scorecards were taken ${window}); today is ${day}.`;
}
