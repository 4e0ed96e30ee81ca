import type { Round } from '@customer-chair/shared/schemas/recognition-round';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** A new round at revision 1; `entrySalt` is the random salt its entries' install hashes are made with. */
export async function insertRecognitionRound(q: Queries, round: Round, entrySalt: string): Promise<void> {
  await q.run(
    sql`INSERT INTO recognition_rounds (id, name, submission_opens, submission_closes, judging_ends, announce_on, categories, revision, entry_salt, position)
        VALUES (${round.id}, ${round.name}, ${round.submissionOpens}, ${round.submissionCloses}, ${round.judgingEnds}, ${round.announceOn},
                ${JSON.stringify(round.categories)}, 1, ${entrySalt}, (SELECT COALESCE(MAX(position), -1) + 1 FROM recognition_rounds))`,
  );
}
