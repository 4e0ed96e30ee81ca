import type { RecognitionMark, Story } from '@customer-chair/shared/schemas/story';
import { sql } from '../sql';
import type { Queries } from '../storage';
import { readStoryRow, type StoryRow } from './read-story-row';

/**
 * A story a recognition winner became, as the feed and the posters tell it:
 * the story, when it last changed, and — when the winning entry is still
 * here (a restored or imported story may have none) — its before, after and
 * method as the team wrote them, which the story only carries folded into
 * its impact and body.
 */
export type RecognizedStory = Story & {
  recognition: RecognitionMark;
  publishOn: string;
  updatedAt: string;
  entry?: { before: string; after: string; method: string };
};

type Row = StoryRow & { updated_at: string; entry_before: string | null; entry_after: string | null; entry_method: string | null };

/**
 * The recognized stories announced by `today` (company-local day: publishOn
 * on or before it), not archived, newest announcement first; at most
 * `limit`, or only the one with `id`.
 */
export async function listRecognizedStories(q: Queries, options: { today: string; id?: string; limit?: number }): Promise<RecognizedStory[]> {
  const rows = await q.all<Row>(
    sql`SELECT s.id, s.title, s.customer, s.quote, s.body, s.impact, s.source, s.tags, s.roles, s.credits, s.publish_on, s.archived, s.recognition, s.updated_at,
          e.before_text AS entry_before, e.after_text AS entry_after, e.method AS entry_method
        FROM stories s LEFT JOIN recognition_entries e ON e.story_id = s.id
        WHERE s.recognition IS NOT NULL AND s.archived = 0 AND s.publish_on IS NOT NULL AND s.publish_on <= ${options.today}
          ${options.id === undefined ? sql`` : sql`AND s.id = ${options.id}`}
        ORDER BY s.publish_on DESC, s.position DESC, s.id
        LIMIT ${options.limit ?? 100}`,
  );
  return rows.map((row) => {
    const story = readStoryRow(row) as RecognizedStory;
    story.updatedAt = row.updated_at;
    if (row.entry_before !== null && row.entry_after !== null && row.entry_method !== null) {
      story.entry = { before: row.entry_before, after: row.entry_after, method: row.entry_method };
    }
    return story;
  });
}
