import { planWinnerDays } from '@customer-chair/shared/domain/plan-winner-days';
import { recognizedStory } from '@customer-chair/shared/domain/recognized-story';
import type { Queries } from '../storage';
import { findRecognitionRound, type StoredRound } from './find-recognition-round';
import { findStoryRecord } from './find-story-record';
import { insertAuditEntry, type Actor } from './insert-audit-entry';
import { insertStory } from './insert-story';
import { listDepartmentRecords } from './list-department-records';
import { listRoundEntries } from './list-round-entries';
import { listScheduledDays } from './list-scheduled-days';
import { listUnannouncedRounds } from './list-unannounced-rounds';
import type { EntryRecord } from './read-entry-row';
import { recordChange } from './record-change';
import { setEntryStory } from './set-entry-story';
import { setScheduledStory } from './set-scheduled-story';

/** Who the audit log names for stories made by the server on the announcement day (the chair, when publishing made them). */
export const ANNOUNCEMENT_DAY: Actor = { id: null, label: 'server (announcement day)' };

export type AnnouncedStory = { roundId: string; entryId: string; storyId: string; scheduledOn: string | null };

/**
 * Announces the winners that are due: every winner of a published round
 * whose announcement day (`announceOn`) is `today` (company-local) or
 * earlier and whose story is not made yet becomes its customer story
 * (recognizedStory: the recognition mark, shown from announceOn, crediting
 * the team's department while it exists), linked
 * from its entry, and is scheduled one a day from the announcement day, or
 * from today if that has passed, on days nothing is scheduled on yet (a
 * CX lead's day keeps its story), round by round in announcement order,
 * winners in the round's category order and then as submitted. One
 * transaction under the content lock, with a new content version and audit
 * lines (each story, each day, one line per round) when anything was made.
 *
 * Publishing only records outcomes: the stories are made here, so that
 * the content bundle, which every browser syncs, names no winner before
 * the announcement. Idempotent: an entry that has its story is skipped, and
 * the lock makes instances running this at once take turns (each sees what
 * the one before committed), so each story is made once. Answers what it
 * made.
 */
export async function announceDueWinners(q: Queries, today: string, options: { now: Date; actor?: Actor }): Promise<AnnouncedStory[]> {
  const { now } = options;
  const actor = options.actor ?? ANNOUNCEMENT_DAY;
  return q.transaction(
    async (tx) => {
      const made: AnnouncedStory[] = [];
      for (const { id } of await listUnannouncedRounds(tx, today)) {
        const round = (await findRecognitionRound(tx, id))!;
        const order = new Map(round.categories.map((category, i) => [category.id, i]));
        const won = (await listRoundEntries(tx, round.id))
          .filter((entry) => entry.outcome === 'recognized' && entry.storyId === null)
          .sort((a, b) => (order.get(a.categoryId) ?? order.size) - (order.get(b.categoryId) ?? order.size));
        const from = today > round.announceOn ? today : round.announceOn;
        const days = planWinnerDays(won.length, from, new Set(await listScheduledDays(tx, from)));
        for (const [i, entry] of won.entries()) {
          const storyId = await winnerStory(tx, entry, round, now, actor);
          await setEntryStory(tx, entry.id, storyId);
          const scheduledOn = days[i] ?? null;
          if (scheduledOn !== null) {
            await setScheduledStory(tx, scheduledOn, storyId, now);
            await insertAuditEntry(tx, { actor, action: 'scheduled', entity: 'schedule', entityId: scheduledOn, summary: `${storyId} (recognized in ${round.name})` }, now);
          }
          made.push({ roundId: round.id, entryId: entry.id, storyId, scheduledOn });
        }
        const teams = won.map((entry) => `"${entry.team.name}"`).join(', ');
        await recordChange(tx, { actor, action: 'announced winners', entity: 'round', entityId: round.id, summary: `${won.length} ${won.length === 1 ? 'story' : 'stories'} from ${round.announceOn}: ${teams}` }, now);
      }
      return made;
    },
    { lock: 'content' },
  );
}

/** The story a winning entry becomes (made once: kept if it exists already, e.g. restored from an export); answers its id. */
async function winnerStory(tx: Queries, entry: EntryRecord, round: StoredRound, now: Date, actor: Actor): Promise<string> {
  const category = round.categories.find((each) => each.id === entry.categoryId)!;
  // The story credits the team's department while it is still one of the company's.
  const departmentIds = new Set((await listDepartmentRecords(tx)).map((d) => d.id));
  const story = recognizedStory(
    { id: entry.id, team: entry.team, customer: entry.customer, before: entry.before, after: entry.after, method: entry.method, acknowledgement: entry.acknowledgement ?? undefined },
    round,
    category,
    departmentIds,
  );
  if (!(await findStoryRecord(tx, story.id))) {
    await insertStory(tx, story, now);
    await insertAuditEntry(tx, { actor, action: 'created', entity: 'story', entityId: story.id, summary: `recognized in ${round.name}: "${entry.team.name}", ${category.name}` }, now);
  }
  return story.id;
}
