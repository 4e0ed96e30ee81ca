import { planPublish } from '@customer-chair/shared/domain/plan-publish';
import { planWinnerDays } from '@customer-chair/shared/domain/plan-winner-days';
import { recognizedStory } from '@customer-chair/shared/domain/recognized-story';
import { roundPhase } from '@customer-chair/shared/domain/round-phase';
import { WinnersSchema, type PublishedResults, type RoundWinners } from '@customer-chair/shared/schemas/judging';
import { Hono } from 'hono';
import type { AppDeps } from '../../deps';
import { apiError, invalidRequest } from '../../http/api-error';
import { readJson } from '../../http/read-json';
import type { AdminVariables } from '../../middleware/require-admin';
import { requireRole } from '../../middleware/require-role';
import { companyToday } from '../../recognition/company-today';
import { findRecognitionRound, type StoredRound } from '../../storage/queries/find-recognition-round';
import { findStoryRecord } from '../../storage/queries/find-story-record';
import { insertAuditEntry } from '../../storage/queries/insert-audit-entry';
import { insertStory } from '../../storage/queries/insert-story';
import { listRoundEntries } from '../../storage/queries/list-round-entries';
import { listRoundScorecards } from '../../storage/queries/list-round-scorecards';
import { listRoundWinners } from '../../storage/queries/list-round-winners';
import { listScheduledDays } from '../../storage/queries/list-scheduled-days';
import type { EntryRecord } from '../../storage/queries/read-entry-row';
import { recordChange } from '../../storage/queries/record-change';
import { replaceRoundWinners } from '../../storage/queries/replace-round-winners';
import { setEntryOutcome } from '../../storage/queries/set-entry-outcome';
import { setResultsPublished } from '../../storage/queries/set-results-published';
import { setScheduledStory } from '../../storage/queries/set-scheduled-story';
import { noSuchRound } from './rounds';

/**
 * The chair's routes (admins only; a judge gets 403):
 *
 * - `PUT /rounds/:roundId/winners` {entryIds}: the round's winners, the
 *   whole set (empty clears it); entries of that round only. From the close
 *   of submissions until the results are published.
 * - `POST /rounds/:roundId/publish`: the results, once. Refused while any
 *   entry that did not win lacks feedback (naming them). Otherwise, in one
 *   transaction under the content lock: every entry's outcome; each winner
 *   becomes a customer story (recognizedStory, shown from announceOn) and is
 *   scheduled one a day from the announcement day (or today, if that has
 *   passed), in the round's category order: a day a CX lead already filled
 *   keeps its story, the winner takes the next free day; a new content
 *   version. Teams see their outcome and feedback from announceOn on.
 *
 * Both are audited (publishing also as each story and day it adds).
 */
export function judgingResultRoutes(deps: AppDeps) {
  const { storage, clock } = deps;
  const today = companyToday(deps);
  const chair = requireRole('admin');

  return new Hono<{ Variables: AdminVariables }>()
    .put('/rounds/:roundId/winners', chair, async (c) => {
      const body = await readJson(c, WinnersSchema);
      if (body instanceof Response) return body;
      return storage.transaction(
        async (tx) => {
          const now = clock.now();
          const round = await findRecognitionRound(tx, c.req.param('roundId'));
          if (!round) return noSuchRound(c);
          const closed = notDeciding(round, await today(tx), 'Winners are marked');
          if (closed) return apiError(c, 409, 'conflict', `${closed} Nothing was saved.`);
          const ids = new Set((await listRoundEntries(tx, round.id)).map((entry) => entry.id));
          const unknown = body.entryIds.flatMap((id, i) => (ids.has(id) ? [] : [{ path: `entryIds.${i}`, message: `"${id}" is not an entry of ${round.name}` }]));
          if (unknown.length) return invalidRequest(c, unknown);
          const was = await listRoundWinners(tx, round.id);
          await replaceRoundWinners(tx, round.id, body.entryIds);
          const winners = await listRoundWinners(tx, round.id);
          const list = (ids: string[]) => (ids.length ? ids.join(', ') : 'none');
          await insertAuditEntry(tx, { actor: c.var.admin, action: 'marked winners', entity: 'round', entityId: round.id, summary: `${list(winners)} (was ${list(was)})` }, now);
          return c.json<RoundWinners>({ roundId: round.id, entryIds: winners });
        },
        { lock: 'content' },
      );
    })
    .post('/rounds/:roundId/publish', chair, async (c) => {
      return storage.transaction(
        async (tx) => {
          const now = clock.now();
          const actor = c.var.admin;
          const round = await findRecognitionRound(tx, c.req.param('roundId'));
          if (!round) return noSuchRound(c);
          const day = await today(tx);
          const closed = notDeciding(round, day, 'Results are published');
          if (closed) return apiError(c, 409, 'conflict', `${closed} Nothing was published.`);
          const entries = await listRoundEntries(tx, round.id);
          const winners = await listRoundWinners(tx, round.id);
          const cards = await listRoundScorecards(tx, { roundId: round.id });
          const plan = planPublish(entries, winners, cards.map((card) => ({ entryId: card.entryId, feedback: card.feedback ?? undefined })));
          if (!plan.ok) {
            const missing = plan.missingFeedback.map((id) => entries.find((entry) => entry.id === id)!);
            return apiError(
              c,
              409,
              'conflict',
              `Every team that is not recognized learns why: no judge has written feedback to ${missing.map((e) => `"${e.team.name}" (${e.id})`).join(', ')} yet. Nothing was published.`,
              missing.map((entry) => ({ path: `entries.${entry.id}`, message: 'did not win and has no feedback from any judge' })),
            );
          }
          if (!(await setResultsPublished(tx, round.id, now))) return alreadyPublished(c, round);

          // Winners in the round's category order, then as submitted: the order their stories are shown in.
          const order = new Map(round.categories.map((category, i) => [category.id, i]));
          const won = entries.filter((entry) => winners.includes(entry.id)).sort((a, b) => order.get(a.categoryId)! - order.get(b.categoryId)!);
          const from = day > round.announceOn ? day : round.announceOn;
          const days = planWinnerDays(won.length, from, new Set(await listScheduledDays(tx, from)));
          const stories: PublishedResults['stories'] = [];
          for (const [i, entry] of won.entries()) {
            const storyId = await winnerStory(tx, entry, round, now, actor);
            const scheduledOn = days[i] ?? null;
            if (scheduledOn !== null) {
              await setScheduledStory(tx, scheduledOn, storyId, now);
              await insertAuditEntry(tx, { actor, action: 'scheduled', entity: 'schedule', entityId: scheduledOn, summary: `${storyId} (recognized in ${round.name})` }, now);
            }
            stories.push({ entryId: entry.id, storyId, scheduledOn });
          }
          for (const { entryId, outcome } of plan.outcomes) {
            await setEntryOutcome(tx, entryId, outcome, stories.find((story) => story.entryId === entryId)?.storyId ?? null);
          }
          const recognized = plan.outcomes.filter((each) => each.outcome === 'recognized').length;
          await recordChange(
            tx,
            {
              actor,
              action: 'published results',
              entity: 'round',
              entityId: round.id,
              summary: `${recognized} recognized, ${plan.outcomes.length - recognized} not this round; announced on ${round.announceOn}`,
            },
            now,
          );
          return c.json<PublishedResults>({ roundId: round.id, resultsPublishedAt: now.toISOString(), announceOn: round.announceOn, outcomes: plan.outcomes, stories });
        },
        { lock: 'content' },
      );
    });
}

/** Why the chair cannot mark winners or publish today: still taking entries, or already published; undefined when they can. */
function notDeciding(round: StoredRound, day: string, what: string): string | undefined {
  if (round.resultsPublishedAt !== null) return `The results of ${round.name} were published at ${round.resultsPublishedAt}; they are published once.`;
  const phase = roundPhase(round, day, round.resultsPublishedAt);
  if (phase === 'upcoming' || phase === 'open') return `${round.name} takes entries until ${round.submissionCloses}; ${what.toLowerCase()} once every entry is in.`;
  return undefined;
}

function alreadyPublished(c: Parameters<typeof apiError>[0], round: StoredRound): Response {
  return apiError(c, 409, 'conflict', `The results of ${round.name} were already published; they are published once. Nothing was published.`);
}

/** The story a winning entry becomes (made once: kept if it exists already); answers its id. */
async function winnerStory(tx: Parameters<typeof insertStory>[0], entry: EntryRecord, round: StoredRound, now: Date, actor: AdminVariables['admin']): Promise<string> {
  const category = round.categories.find((each) => each.id === entry.categoryId)!;
  const story = recognizedStory(
    { id: entry.id, team: entry.team, customer: entry.customer, before: entry.before, after: entry.after, method: entry.method, acknowledgement: entry.acknowledgement ?? undefined },
    round,
    category,
  );
  if (!(await findStoryRecord(tx, story.id))) {
    await insertStory(tx, story, now);
    await insertAuditEntry(tx, { actor, action: 'created', entity: 'story', entityId: story.id, summary: `recognized in ${round.name}: "${entry.team.name}", ${category.name}` }, now);
  }
  return story.id;
}
