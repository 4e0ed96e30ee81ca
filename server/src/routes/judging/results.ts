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
import { forgetAnnouncementWatch } from '../../recognition/announce-when-due';
import { companyToday } from '../../recognition/company-today';
import { announceDueWinners } from '../../storage/queries/announce-due-winners';
import { findRecognitionRound, type StoredRound } from '../../storage/queries/find-recognition-round';
import { insertAuditEntry } from '../../storage/queries/insert-audit-entry';
import { listRoundEntries } from '../../storage/queries/list-round-entries';
import { listRoundScorecards } from '../../storage/queries/list-round-scorecards';
import { listRoundWinners } from '../../storage/queries/list-round-winners';
import { listScheduledDays } from '../../storage/queries/list-scheduled-days';
import type { EntryRecord } from '../../storage/queries/read-entry-row';
import { replaceRoundWinners } from '../../storage/queries/replace-round-winners';
import { setEntryOutcome } from '../../storage/queries/set-entry-outcome';
import { setResultsPublished } from '../../storage/queries/set-results-published';
import { noSuchRound } from './rounds';

/**
 * The chair's routes (admins only; a judge gets 403):
 *
 * - `PUT /rounds/:roundId/winners` {entryIds}: the round's winners, the
 *   whole set (empty clears it); entries of that round only. From the close
 *   of submissions until the results are published.
 * - `POST /rounds/:roundId/publish`: the results, once. Refused while any
 *   entry that did not win lacks feedback (naming them). Otherwise, in one
 *   transaction under the content lock: every entry's outcome, and the
 *   days planned for the winners (answered and audited). The winners'
 *   stories are made only on the announcement day (announceDueWinners: run
 *   here at once when announceOn is today or past, else by the content's
 *   lazy check and main.ts's timer), because the content bundle syncs to
 *   every browser and must not name a winner before then. Teams see their
 *   outcome and feedback from announceOn on.
 *
 * Both are audited (the announcement also as each story and day it adds).
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
      const response = await storage.transaction(
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

          // Outcomes now; the winners' stories only from the announcement day (announceDueWinners): the content
          // bundle every browser syncs must not name a winner before then. The days are planned now (round's
          // category order, then as submitted; free days from announceOn), and planned again when the stories are made.
          const order = new Map(round.categories.map((category, i) => [category.id, i]));
          const won = entries.filter((entry) => winners.includes(entry.id)).sort((a, b) => order.get(a.categoryId)! - order.get(b.categoryId)!);
          const from = day > round.announceOn ? day : round.announceOn;
          const days = planWinnerDays(won.length, from, new Set(await listScheduledDays(tx, from)));
          for (const { entryId, outcome } of plan.outcomes) await setEntryOutcome(tx, entryId, outcome, null);
          const recognized = plan.outcomes.filter((each) => each.outcome === 'recognized').length;
          const planned = won.map((entry, i) => `${entry.id} on ${days[i] ?? 'no free day'}`).join(', ');
          await insertAuditEntry(
            tx,
            {
              actor,
              action: 'published results',
              entity: 'round',
              entityId: round.id,
              summary: `${recognized} recognized, ${plan.outcomes.length - recognized} not this round; announced on ${round.announceOn}${planned ? ` (planned: ${planned})` : ''}`,
            },
            now,
          );
          let stories: PublishedResults['stories'] = won.map((entry, i) => ({ entryId: entry.id, storyId: plannedStoryId(entry, round), scheduledOn: days[i] ?? null }));
          if (round.announceOn <= day) {
            // Published on or after the announcement day: announced at once, in this transaction.
            const made = await announceDueWinners(tx, day, { now, actor });
            stories = stories.map((story) => {
              const announced = made.find((each) => each.entryId === story.entryId);
              return announced ? { entryId: announced.entryId, storyId: announced.storyId, scheduledOn: announced.scheduledOn } : story;
            });
          }
          return c.json<PublishedResults>({ roundId: round.id, resultsPublishedAt: now.toISOString(), announceOn: round.announceOn, outcomes: plan.outcomes, stories });
        },
        { lock: 'content' },
      );
      // The next announcement day may be earlier now: the content route looks again at its next request.
      forgetAnnouncementWatch(storage);
      return response;
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

/** The id of the story a winner becomes on the announcement day (recognizedStory's). */
function plannedStoryId(entry: EntryRecord, round: StoredRound): string {
  const category = round.categories.find((each) => each.id === entry.categoryId)!;
  return recognizedStory({ id: entry.id, team: entry.team, customer: entry.customer, before: entry.before, after: entry.after, method: entry.method }, round, category).id;
}
