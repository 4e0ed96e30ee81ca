import type { JudgingRound, PanelSummaryEntry } from '@customer-chair/shared/schemas/judging';
import { useEffect, useState } from 'preact/hooks';
import { ApiFailure, failureMessage, judging } from './api';
import { Alert, Saved } from './alert';
import { counted } from './format';
import { useLoad } from './use-load';

const OUTCOME_WORDS = { recognized: 'Recognized', not_this_round: 'Not this round' } as const;
const score = (n: number | null) => (n === null ? '—' : n.toFixed(2));
const names = (list: string[]) => (list.length ? list.join(', ') : '—');

/**
 * The panel summary of a round, per category: each entry's weighted average
 * and the spread between judges, who scored, who has not yet, how many wrote
 * feedback. A judge sees an entry's figures only once they scored it
 * (sealed). The chair marks winners and publishes; a refusal (entries that
 * did not win and lack feedback) is shown naming the teams.
 */
export function PanelSummary({ round, chair, onPublished }: { round: JudgingRound; chair: boolean; onPublished: () => void }) {
  const loaded = useLoad(() => judging.summary(round.id), [round.id]);
  const summary = loaded.data;
  const [winners, setWinners] = useState<Set<string>>(new Set());
  const [failed, setError] = useState<string>();
  const error = failed ?? loaded.error;
  const [refused, setRefused] = useState<string[]>([]);
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  // Each answer says who won so far: the chair's marks start from it.
  useEffect(() => {
    if (summary) setWinners(new Set(summary.categories.flatMap((c) => c.entries.filter((e) => e.winner).map((e) => e.entryId))));
  }, [summary]);

  const all = summary?.categories.flatMap((c) => c.entries) ?? [];
  const teamOf = (id: string) => {
    const e = all.find((each) => each.entryId === id);
    return e ? `“${e.teamName}” (${e.department})` : id;
  };
  const published = round.resultsPublishedAt !== null || summary?.phase === 'announced' || all.some((e) => e.outcome !== null);
  const deciding = chair && !published && (summary?.phase === 'judging' || summary?.phase === 'awaiting_announcement');

  async function act(what: () => Promise<string>) {
    setBusy(true);
    setDone(undefined);
    setRefused([]);
    try {
      setDone(await what());
      setError(undefined);
    } catch (failure) {
      setError(failureMessage(failure));
      if (failure instanceof ApiFailure) setRefused(failure.issues.flatMap((i) => (i.path.startsWith('entries.') ? [i.path.slice('entries.'.length)] : [])));
    } finally {
      setBusy(false);
      loaded.reload();
    }
  }

  const saveWinners = () =>
    act(async () => {
      const saved = await judging.saveWinners(round.id, [...winners]);
      return saved.entryIds.length ? `Winners saved: ${saved.entryIds.map(teamOf).join(', ')}.` : 'No winners are marked.';
    });
  const publish = () =>
    act(async () => {
      await judging.saveWinners(round.id, [...winners]);
      const results = await judging.publish(round.id);
      onPublished();
      const recognized = results.outcomes.filter((o) => o.outcome === 'recognized').length;
      return `The results of ${round.name} are published: ${recognized} recognized, ${results.outcomes.length - recognized} not this round. Teams see them, with the feedback, from ${results.announceOn}; on that day each winner becomes a story, scheduled from then (nothing the extensions sync names a winner before).`;
    });

  if (!summary) return error ? <Alert message={error} /> : <p class="loading" role="status">Loading the panel summary…</p>;
  return (
    <section class="panel-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">Panel summary</h2>
      <p class="hint">
        Averages are each judge’s weighted score (1–5), averaged over the judges who scored every criterion; the spread is the highest judge’s minus the lowest’s. An entry’s figures are sealed
        for you until you have scored it yourself.
      </p>
      {summary.categories.map((category) => (
        <div key={category.categoryId} class="summary-category">
          <h3>{category.categoryName}</h3>
          {category.entries.length === 0 ? (
            <p class="empty-list">No entries you may see in this category.</p>
          ) : (
            <div class="table-wrap">
              <table class="figures compact summary-table">
                <thead>
                  <tr>
                    <th scope="col">Team</th>
                    <th scope="col" class="num">
                      Weighted average
                    </th>
                    <th scope="col" class="num">
                      Spread
                    </th>
                    <th scope="col">Scored by</th>
                    <th scope="col">Not scored yet</th>
                    <th scope="col">Feedback</th>
                    <th scope="col">{published ? 'Outcome' : 'Winner'}</th>
                  </tr>
                </thead>
                <tbody>
                  {category.entries.map((e) => (
                    <SummaryRow
                      key={e.entryId}
                      entry={e}
                      chair={deciding}
                      missing={summary.missingFeedback.includes(e.entryId)}
                      refused={refused.includes(e.entryId)}
                      winner={winners.has(e.entryId)}
                      onWinner={(on) =>
                        setWinners((set) => {
                          const next = new Set(set);
                          if (on) next.add(e.entryId);
                          else next.delete(e.entryId);
                          return next;
                        })
                      }
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      ))}
      {!published && summary.missingFeedback.length > 0 && (
        <p class="notice">
          Publishing waits for feedback to {counted(summary.missingFeedback.length, 'team', 'teams')} that did not win: {summary.missingFeedback.map(teamOf).join(', ')}.
        </p>
      )}
      {error && <Alert message={error} />}
      {refused.length > 0 && (
        <ul class="refused-entries" aria-label="Entries lacking feedback">
          {refused.map((id) => (
            <li key={id}>{teamOf(id)} needs feedback from at least one judge</li>
          ))}
        </ul>
      )}
      {deciding && (
        <div class="form-actions">
          <button type="button" class="secondary" disabled={busy} onClick={saveWinners}>
            Save winners
          </button>
          <button type="button" class="primary" disabled={busy} onClick={publish}>
            Publish results
          </button>
          <span class="hint">Publishing is once: outcomes are set, each winner becomes a customer story, teams read their feedback from {round.announceOn}.</span>
        </div>
      )}
      <Saved message={done} />
    </section>
  );
}

function SummaryRow({ entry, chair, missing, refused, winner, onWinner }: { entry: PanelSummaryEntry; chair: boolean; missing: boolean; refused: boolean; winner: boolean; onWinner: (on: boolean) => void }) {
  const box = `winner-${entry.entryId}`;
  return (
    <tr class={refused ? 'refused' : undefined}>
      <th scope="row">
        <span class="entry-team">{entry.teamName}</span>
        <span class="entry-meta">{entry.department}</span>
        {entry.panelNotes.length > 0 && (
          <details class="panel-notes">
            <summary>{counted(entry.panelNotes.length, 'note for the panel', 'notes for the panel')}</summary>
            <ul>
              {entry.panelNotes.map((n, i) => (
                <li key={i}>
                  <strong>{n.judge}:</strong> {n.note}
                </li>
              ))}
            </ul>
          </details>
        )}
      </th>
      {entry.sealed ? (
        <td colSpan={2} class="hint">
          Sealed until you score it
        </td>
      ) : (
        <>
          <td class="num">{score(entry.average)}</td>
          <td class="num">{entry.scoredBy.length < 2 ? <span class="hint">{entry.scoredBy.length ? 'one judge' : '—'}</span> : score(entry.spread)}</td>
        </>
      )}
      <td>{names(entry.scoredBy)}</td>
      <td>{entry.outcome ? <span class="hint">—</span> : entry.pendingJudges.length ? names(entry.pendingJudges) : <span class="hint">nobody</span>}</td>
      <td>
        {entry.feedbackCount ? counted(entry.feedbackCount, 'judge wrote it', 'judges wrote it') : <span class={missing ? 'error' : 'hint'}>none yet</span>}
      </td>
      <td>
        {entry.outcome ? (
          <span class={entry.outcome === 'recognized' ? 'badge' : 'badge muted'}>{OUTCOME_WORDS[entry.outcome]}</span>
        ) : chair ? (
          <label class="check" for={box}>
            <input id={box} type="checkbox" checked={winner} onChange={(e) => onWinner(e.currentTarget.checked)} />
            Winner<span class="visually-hidden"> — {entry.teamName}</span>
          </label>
        ) : entry.winner ? (
          <span class="badge">Marked</span>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}
