import type { EntryOutcome, EntryStatusName } from '../schemas/recognition-entry';
import type { RoundPhase } from '../schemas/recognition-round';

/**
 * What a team sees of its entry, from its round's phase (roundPhase) and the
 * outcome publishing set: `submitted` while entries are still taken,
 * `in_review` from the close of submissions until the announcement (an
 * outcome already published stays hidden until `announceOn`, so no team
 * learns its result before the others), then `recognized` or
 * `not_this_round`. An announced round's entry without an outcome stays
 * `in_review`: a team is never told a result that was not set.
 */
export function entryStatus(phase: RoundPhase, outcome: EntryOutcome | null): EntryStatusName {
  switch (phase) {
    case 'upcoming':
    case 'open':
      return 'submitted';
    case 'judging':
    case 'awaiting_announcement':
      return 'in_review';
    case 'announced':
      return outcome ?? 'in_review';
  }
}
