import type { EntryStatus, EntryStatusName } from '@customer-chair/shared/schemas/recognition-entry';
import type { KeptEntry } from '../../lib/recognition-storage';
import type { ReceiptStatus } from '../../lib/use-receipt-statuses';

/** An entry's status as last asked: still asking, the server's answer, or why there is none. */
export type StatusState = ReceiptStatus<EntryStatus>;

const STATUS_WORDS: Record<EntryStatusName, { label: string; detail: (s: EntryStatus) => string }> = {
  submitted: { label: 'Submitted', detail: (s) => `Received. The judges score entries after the round closes; results on ${s.announceOn}.` },
  in_review: { label: 'In review', detail: (s) => `The judges are scoring it; results on ${s.announceOn}.` },
  recognized: { label: 'Recognized', detail: () => 'Congratulations: your win is told as a customer story on every new tab.' },
  not_this_round: { label: 'Not this round', detail: () => 'It was not recognized this time. The judges’ feedback says what would make it win.' },
};

type Props = {
  entries: KeptEntry[];
  statuses: Record<string, StatusState>;
  /** The next round's name when the entry can be resubmitted there. */
  resubmitTo: (entry: KeptEntry, status: EntryStatus) => string | undefined;
  onResubmit: (entry: KeptEntry, status: EntryStatus) => void;
  /** Asks the server again (after it could not be reached). */
  onRetry: () => void;
};

/** The team's submitted entries on this browser, each with where it stands and what the judges said. */
export function MyEntries({ entries, statuses, resubmitTo, onResubmit, onRetry }: Props) {
  return (
    <section class="my-entries" aria-labelledby="my-entries-title">
      <h2 id="my-entries-title">My team’s entries</h2>
      <p class="hint">Each entry’s receipt is kept in this browser only: it is what lets you see the status and the judges’ feedback.</p>
      <ul>
        {entries.map((entry) => {
          const known = statuses[entry.entryId];
          const status = known?.state === 'known' ? known.status : undefined;
          const next = status && resubmitTo(entry, status);
          return (
            <li key={entry.entryId} class="kept-entry" data-entry-id={entry.entryId}>
              <div class="kept-head">
                <span class="kept-title">
                  <strong>{entry.teamName}</strong> · {entry.categoryName} · {entry.roundName}
                </span>
                {status ? (
                  <span class={`badge ${status.status}`} data-testid="entry-status">
                    {STATUS_WORDS[status.status].label}
                  </span>
                ) : (
                  <span class="badge unknown" data-testid="entry-status">
                    {known?.state === 'failed' ? 'Status unavailable' : 'Checking…'}
                  </span>
                )}
              </div>
              {status && <p class="hint">{STATUS_WORDS[status.status].detail(status)}</p>}
              {known?.state === 'failed' && (
                <p class="hint error-text">
                  {known.message}{' '}
                  <button type="button" class="link" onClick={onRetry}>
                    Check again
                  </button>
                </p>
              )}
              {status && status.feedback.length > 0 && (
                <div class="judges-feedback">
                  <h3>What the judges said</h3>
                  <ul class="feedback">
                    {status.feedback.map((text, i) => (
                      <li key={i}>{text}</li>
                    ))}
                  </ul>
                </div>
              )}
              {status && next && (
                <button type="button" class="secondary" onClick={() => onResubmit(entry, status)}>
                  Resubmit in the next round ({next})
                </button>
              )}
              <p class="submitted-on">Submitted {new Date(entry.submittedAt).toLocaleDateString('en-CA')}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
