import type { Round } from '@customer-chair/shared/schemas/recognition-round';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** Replaces a round's name, days and categories; its revision goes up by one. */
export async function updateRecognitionRound(q: Queries, round: Round): Promise<void> {
  await q.run(
    sql`UPDATE recognition_rounds SET name = ${round.name}, submission_opens = ${round.submissionOpens}, submission_closes = ${round.submissionCloses},
          judging_ends = ${round.judgingEnds}, announce_on = ${round.announceOn}, categories = ${JSON.stringify(round.categories)}, revision = revision + 1
        WHERE id = ${round.id}`,
  );
}
