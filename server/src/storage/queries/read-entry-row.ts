import type { EntryOutcome, SelfCheck } from '@customer-chair/shared/schemas/recognition-entry';
import { sql } from '../sql';

/** An entry as judging reads it: what the team wrote, whether the chair marked it a winner, and what publishing set. */
export type EntryRecord = {
  id: string;
  roundId: string;
  categoryId: string;
  team: { name: string; department: string };
  customer: string;
  before: string;
  after: string;
  method: string;
  acknowledgement: { quote: string; source: string } | null;
  selfCheck: SelfCheck[];
  previousEntryId: string | null;
  submittedAt: string;
  winner: boolean;
  outcome: EntryOutcome | null;
  storyId: string | null;
};

export type EntryRow = {
  id: string;
  roundId: string;
  categoryId: string;
  teamName: string;
  department: string;
  customer: string;
  before: string;
  after: string;
  method: string;
  ackQuote: string | null;
  ackSource: string | null;
  selfCheck: string;
  previousEntryId: string | null;
  submittedAt: string;
  winner: number;
  outcome: EntryOutcome | null;
  storyId: string | null;
};

/** The columns of an EntryRow, from `recognition_entries e` (never the receipt's or the install's hash). */
export const ENTRY_COLUMNS = sql`e.id, e.round_id AS "roundId", e.category_id AS "categoryId", e.team_name AS "teamName", e.department, e.customer,
  e.before_text AS "before", e.after_text AS "after", e.method, e.ack_quote AS "ackQuote", e.ack_source AS "ackSource", e.self_check AS "selfCheck",
  e.previous_entry_id AS "previousEntryId", e.submitted_at AS "submittedAt", e.outcome, e.story_id AS "storyId",
  CASE WHEN EXISTS (SELECT 1 FROM recognition_winners w WHERE w.entry_id = e.id) THEN 1 ELSE 0 END AS winner`;

/** A row read with ENTRY_COLUMNS as an EntryRecord. */
export function readEntryRow(row: EntryRow): EntryRecord {
  return {
    id: row.id,
    roundId: row.roundId,
    categoryId: row.categoryId,
    team: { name: row.teamName, department: row.department },
    customer: row.customer,
    before: row.before,
    after: row.after,
    method: row.method,
    acknowledgement: row.ackQuote !== null && row.ackSource !== null ? { quote: row.ackQuote, source: row.ackSource } : null,
    selfCheck: JSON.parse(row.selfCheck) as SelfCheck[],
    previousEntryId: row.previousEntryId,
    submittedAt: row.submittedAt,
    winner: Number(row.winner) === 1,
    outcome: row.outcome,
    storyId: row.storyId,
  };
}
