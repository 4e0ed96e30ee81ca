import { sql } from '../sql';
import type { Queries } from '../storage';
import { ROUND_COLUMNS, storedRound, type RoundRow, type StoredRound } from './find-recognition-round';

/** Every round, the latest submission window first. */
export async function listRecognitionRounds(q: Queries): Promise<StoredRound[]> {
  const rows = await q.all<RoundRow>(sql`SELECT ${ROUND_COLUMNS} FROM recognition_rounds ORDER BY submission_opens DESC, position DESC`);
  return rows.map(storedRound);
}
