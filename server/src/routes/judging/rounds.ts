import { departmentEntryStats } from '@customer-chair/shared/domain/department-entry-stats';
import { judgeKey } from '@customer-chair/shared/domain/judge-key';
import { judgeMaySee } from '@customer-chair/shared/domain/judge-may-see';
import { panelSummary, type PanelJudge } from '@customer-chair/shared/domain/panel-summary';
import { planPublish } from '@customer-chair/shared/domain/plan-publish';
import { roundPhase } from '@customer-chair/shared/domain/round-phase';
import type { AdminRole } from '@customer-chair/shared/schemas/admin-role';
import type { JudgingEntryList, JudgingRoundList, PanelSummaryEntry, RoundStats, RoundSummary } from '@customer-chair/shared/schemas/judging';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Credential } from '../../auth/credential';
import { personLabel } from '@customer-chair/shared/domain/person-label';
import type { AppDeps } from '../../deps';
import { apiError } from '../../http/api-error';
import type { AdminVariables } from '../../middleware/require-admin';
import { companyToday } from '../../recognition/company-today';
import { judgingEntries } from '../../recognition/judging-entries';
import { countDepartmentEntries } from '../../storage/queries/count-department-entries';
import { findRecognitionRound } from '../../storage/queries/find-recognition-round';
import { listAdminTokens } from '../../storage/queries/list-admin-tokens';
import { listDepartmentRecords } from '../../storage/queries/list-department-records';
import { listPeople } from '../../storage/queries/list-people';
import { listRecognitionRounds } from '../../storage/queries/list-recognition-rounds';
import { listRoundEntries } from '../../storage/queries/list-round-entries';
import { listRoundScorecards, type StoredScorecard } from '../../storage/queries/list-round-scorecards';
import { listRoundWinners } from '../../storage/queries/list-round-winners';
import type { EntryRecord } from '../../storage/queries/read-entry-row';
import type { Queries } from '../../storage/storage';

/**
 * `/api/v1/judging/rounds…`: what the panel reads.
 *
 * - `GET /rounds`: every round with its phase, the entries the caller may
 *   see and how many of them the caller has scored.
 * - `GET /rounds/:roundId/entries`: those entries, to score (JudgingEntry).
 * - `GET /rounds/:roundId/summary`: per category, the panel summary of
 *   those entries. A judge sees the panel's average, spread and notes of
 *   an entry only once they have scored it themselves (`sealed` until then).
 * - `GET /rounds/:roundId/stats`: entries and winners per department
 *   (admins and viewers; folded as usage is).
 *
 * A judge tied to a department never sees its entries, in any of these.
 */
export function judgingRoundRoutes(deps: AppDeps) {
  const { storage, config, clock } = deps;
  const today = companyToday(deps);

  return new Hono<{ Variables: AdminVariables }>()
    .get('/rounds', async (c) => {
      const caller = c.var.admin;
      const day = await today(storage);
      const rounds: JudgingRoundList['rounds'] = [];
      for (const round of await listRecognitionRounds(storage)) {
        const seen = visible(caller, await listRoundEntries(storage, round.id));
        const seenIds = new Set(seen.map((entry) => entry.id));
        const scored = (await listRoundScorecards(storage, { roundId: round.id })).filter((card) => card.judgeId === judgeKey(caller) && seenIds.has(card.entryId));
        rounds.push({ ...round, phase: roundPhase(round, day, round.resultsPublishedAt), entries: seen.length, scoredByYou: scored.length });
      }
      return c.json<JudgingRoundList>({ rounds });
    })
    .get('/rounds/:roundId/entries', async (c) => {
      const round = await findRecognitionRound(storage, c.req.param('roundId'));
      if (!round) return noSuchRound(c);
      const seen = visible(c.var.admin, await listRoundEntries(storage, round.id));
      return c.json<JudgingEntryList>({
        roundId: round.id,
        phase: roundPhase(round, await today(storage), round.resultsPublishedAt),
        entries: await judgingEntries(storage, round, seen, c.var.admin, { roundId: round.id }),
      });
    })
    .get('/rounds/:roundId/summary', async (c) => {
      const caller = c.var.admin;
      const round = await findRecognitionRound(storage, c.req.param('roundId'));
      if (!round) return noSuchRound(c);
      const seen = visible(caller, await listRoundEntries(storage, round.id));
      const cards = await listRoundScorecards(storage, { roundId: round.id });
      const winners = await listRoundWinners(storage, round.id);
      const judges = await panelJudges(storage, cards, clock.now());
      const label = new Map(judges.map((judge) => [judge.id, judge.label]));
      const revoked = new Set(judges.filter((judge) => judge.revoked).map((judge) => judge.id));
      const byId = new Map(seen.map((entry) => [entry.id, entry]));
      const panelEntries = seen.map((entry) => ({ id: entry.id, categoryId: entry.categoryId, department: entry.team.department }));
      const judgeCards = cards.map(({ entryId, judgeId, scores, feedback }) => ({ entryId, judgeId, scores, feedback: feedback ?? undefined }));
      const categories = round.categories.map((category) => ({
        categoryId: category.id,
        categoryName: category.name,
        entries: panelSummary(category, panelEntries, judgeCards, judges).map((summary): PanelSummaryEntry => {
          const entry = byId.get(summary.entryId)!;
          const sealed = caller.role === 'judge' && !summary.scoredBy.includes(judgeKey(caller));
          const notes = cards.filter((card) => card.entryId === entry.id && card.panelNote && judges.some((j) => j.id === card.judgeId && judgeMaySee(j, entry.team)));
          return {
            entryId: entry.id,
            teamName: entry.team.name,
            department: entry.team.department,
            sealed,
            average: sealed ? null : (summary.average ?? null),
            spread: sealed ? null : (summary.spread ?? null),
            scoredBy: summary.scoredBy.map((id) => label.get(id)!),
            pendingJudges: summary.pendingJudges.filter((judge) => !revoked.has(judge.id)).map((judge) => judge.label),
            feedbackCount: summary.feedbackCount,
            panelNotes: sealed ? [] : notes.map((card) => ({ judge: label.get(card.judgeId)!, note: card.panelNote! })),
            winner: entry.winner,
            outcome: entry.outcome,
          };
        }),
      }));
      const plan = planPublish(seen, winners, judgeCards);
      return c.json<RoundSummary>({
        roundId: round.id,
        roundName: round.name,
        phase: roundPhase(round, await today(storage), round.resultsPublishedAt),
        categories,
        missingFeedback: plan.ok ? [] : plan.missingFeedback,
      });
    })
    .get('/rounds/:roundId/stats', async (c) => {
      const round = await findRecognitionRound(storage, c.req.param('roundId'));
      if (!round) return noSuchRound(c);
      const phase = roundPhase(round, await today(storage), round.resultsPublishedAt);
      const names = new Map((await listDepartmentRecords(storage)).map((department) => [department.id, department.name]));
      const counts = await countDepartmentEntries(storage, round.id);
      return c.json<RoundStats>({
        roundId: round.id,
        roundName: round.name,
        phase,
        minGroupSize: config.minGroupSize,
        // Winners are not told before the announcement, here either.
        ...departmentEntryStats(counts, names, config.minGroupSize, phase === 'announced'),
      });
    });
}

/** The entries of a round the caller may see (judgeMaySee: never a judge's own department's). */
function visible(caller: Credential, entries: readonly EntryRecord[]): EntryRecord[] {
  return entries.filter((entry) => judgeMaySee(caller, entry.team));
}

/**
 * The panel: live judges and admins (the chair) by their token's label, and
 * people signed in with the company's provider who may judge now (their
 * group role or a grant), by name; and anyone whose scorecards are in
 * `cards` though they may no longer judge (a revoked token, a person whose
 * judge role was taken away), so that the scores they gave stay (they are
 * never waited for).
 */
async function panelJudges(q: Queries, cards: readonly StoredScorecard[], now: Date): Promise<(PanelJudge & { revoked: boolean })[]> {
  const scored = new Set(cards.map((card) => card.judgeId));
  const judging = (role: AdminRole | null): role is 'admin' | 'judge' => role === 'admin' || role === 'judge';
  const tokens = (await listAdminTokens(q))
    .map((token) => ({ id: judgeKey({ id: token.id, personId: null }), label: token.label, role: token.role, department: token.department, revoked: token.revokedAt !== null }))
    .filter((token) => token.role !== 'viewer' && (!token.revoked || scored.has(token.id)));
  const people = (await listPeople(q, now))
    .map((person) => ({ id: judgeKey({ id: null, personId: person.id }), label: personLabel(person), role: person.role, department: person.department }))
    .filter((person) => judging(person.role) || scored.has(person.id))
    .map((person) => ({ ...person, role: judging(person.role) ? person.role : 'judge', revoked: !judging(person.role) }));
  return [...tokens, ...people];
}

export function noSuchRound(c: Context): Response {
  return apiError(c, 404, 'not_found', `There is no round "${c.req.param('roundId')}"; ask GET /api/v1/judging/rounds for the rounds.`);
}
