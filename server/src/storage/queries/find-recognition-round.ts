import type { Category, Round } from '@customer-chair/shared/schemas/recognition-round';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** A round as stored: the round a CX lead wrote, its revision and when its results were published. */
export type StoredRound = Round & { revision: number; resultsPublishedAt: string | null };

/** The columns of a StoredRound (categories still JSON); never the entry salt. */
export const ROUND_COLUMNS = sql`id, name, submission_opens AS "submissionOpens", submission_closes AS "submissionCloses",
  judging_ends AS "judgingEnds", announce_on AS "announceOn", categories, revision, results_published_at AS "resultsPublishedAt"`;

export type RoundRow = Omit<StoredRound, 'categories'> & { categories: string };

/** A row read with ROUND_COLUMNS as a StoredRound. */
export function storedRound({ categories, ...row }: RoundRow): StoredRound {
  return { ...row, categories: JSON.parse(categories) as Category[] };
}

/** The round with this id, without its entry salt (getRoundEntrySalt). */
export async function findRecognitionRound(q: Queries, id: string): Promise<StoredRound | undefined> {
  const row = await q.one<RoundRow>(sql`SELECT ${ROUND_COLUMNS} FROM recognition_rounds WHERE id = ${id}`);
  return row && storedRound(row);
}
