import type { Round, RoundPhase } from '../schemas/recognition-round';

/** The days that decide a round's phase (a Round, a RoundRecord or a row read from the database). */
export type RoundDays = Pick<Round, 'submissionOpens' | 'submissionCloses' | 'judgingEnds' | 'announceOn'>;

/**
 * Where a round stands on `today` (a company-local day, YYYY-MM-DD): every
 * boundary day belongs to the phase it ends — entries are taken through
 * `submissionCloses` and scored through `judgingEnds`.
 *
 * - `upcoming` before `submissionOpens`;
 * - `open` from `submissionOpens` through `submissionCloses` (entries taken);
 * - `judging` after that, through `judgingEnds` (scorecards taken), unless
 *   the results were already published: publishing ends judging;
 * - `awaiting_announcement` once judging is over and until both the results
 *   are published and `announceOn` has come;
 * - `announced` from `announceOn`, once the results are published: only
 *   then do teams see their outcome and feedback.
 */
export function roundPhase(round: RoundDays, today: string, resultsPublishedAt: string | null): RoundPhase {
  if (today < round.submissionOpens) return 'upcoming';
  if (today <= round.submissionCloses) return 'open';
  if (resultsPublishedAt !== null) return today >= round.announceOn ? 'announced' : 'awaiting_announcement';
  if (today <= round.judgingEnds) return 'judging';
  return 'awaiting_announcement';
}
