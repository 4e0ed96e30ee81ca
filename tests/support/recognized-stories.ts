import { recognizedStory } from '../../shared/src/domain/recognized-story';
import type { Story } from '../../shared/src/schemas/story';
import { insertStory } from '../../server/src/storage/queries/insert-story';
import { sql } from '../../server/src/storage/sql';
import type { Storage } from '../../server/src/storage/storage';

type DemoEntryRow = {
  id: string;
  teamName: string;
  department: string;
  customer: string;
  before: string;
  after: string;
  method: string;
  ackQuote: string | null;
  ackSource: string | null;
  categoryId: string;
};

/** The demo round's entries as stored (bootstrap seeds four), in the order they were sent. */
export async function demoEntries(storage: Storage): Promise<DemoEntryRow[]> {
  return storage.all<DemoEntryRow>(
    sql`SELECT id, team_name AS "teamName", department, customer, before_text AS before, after_text AS after, method,
          ack_quote AS "ackQuote", ack_source AS "ackSource", category_id AS "categoryId"
        FROM recognition_entries ORDER BY submitted_at, id`,
  );
}

/**
 * Makes the demo entry `index` a winner as publishing does: its story
 * (recognizedStory) announced on `announceOn` of a round `roundName`, the
 * entry linked to it. `team` renames the team first (to try hostile names).
 */
export async function announceWinner(
  storage: Storage,
  options: { index: number; announceOn: string; roundName?: string; categoryName?: string; team?: string; now?: Date; story?: Partial<Story> },
): Promise<Story> {
  const entry = (await demoEntries(storage))[options.index]!;
  const team = options.team ?? entry.teamName;
  if (options.team !== undefined) await storage.run(sql`UPDATE recognition_entries SET team_name = ${team} WHERE id = ${entry.id}`);
  const story = {
    ...recognizedStory(
      {
        id: entry.id,
        team: { name: team, department: entry.department },
        customer: entry.customer,
        before: entry.before,
        after: entry.after,
        method: entry.method,
        ...(entry.ackQuote !== null && entry.ackSource !== null ? { acknowledgement: { quote: entry.ackQuote, source: entry.ackSource } } : {}),
      },
      { name: options.roundName ?? '2027 Q1', announceOn: options.announceOn },
      { name: options.categoryName ?? 'Faster for the customer' },
    ),
    ...options.story,
  };
  await insertStory(storage, story, options.now ?? new Date('2026-11-20T09:00:00Z'));
  await storage.run(sql`UPDATE recognition_entries SET outcome = 'recognized', story_id = ${story.id} WHERE id = ${entry.id}`);
  return story;
}
