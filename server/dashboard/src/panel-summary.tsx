import type { JudgingRound } from '@customer-chair/shared/schemas/judging';
import { useEffect, useState } from 'preact/hooks';
import { ApiFailure, failureMessage, judging } from './api';
import { Alert } from './alert';
import { Saved } from './saved';
import { counted } from './format';
import { useLoad } from './use-load';
import { SummaryRow } from './summary-row';
import { BusyButton } from './busy-button';


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
          <BusyButton class="secondary" busy={busy} onClick={saveWinners}>
            Save winners
          </BusyButton>
          <BusyButton class="primary" busy={busy} onClick={publish}>
            Publish results
          </BusyButton>
          <span class="hint">Publishing is once: outcomes are set, each winner becomes a customer story, teams read their feedback from {round.announceOn}.</span>
        </div>
      )}
      <Saved message={done} />
    </section>
  );
}
