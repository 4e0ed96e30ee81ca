import { recognition } from './api';
import { Alert } from './alert';
import { PHASE_LABELS } from './format';
import { go } from './nav';
import { useLoad } from './use-load';
import { RoundEditor } from './round-editor';

/** Recognition rounds (admins): the list, and one round's days, categories and weighted criteria. */
export function Rounds({ roundId }: { roundId: string | undefined }) {
  const { data, error, reload } = useLoad(() => recognition.rounds(), [roundId]);
  const rounds = data?.rounds;

  if (roundId) {
    if (roundId === 'new') return <RoundEditor key="new" />;
    const round = rounds?.find((r) => r.id === roundId);
    if (!rounds) return error ? <Alert message={error} /> : <p class="loading" role="status">Loading the round…</p>;
    if (!round) return <Alert message={`There is no round “${roundId}”.`} />;
    return <RoundEditor key={round.id} round={round} />;
  }

  return (
    <main class="content-page">
      <div class="heading">
        <h1>Recognition rounds</h1>
        <button type="button" class="primary" onClick={() => go('rounds/new')}>
          New round
        </button>
      </div>
      <p class="note">Teams enter their customer wins during a round’s submission window; judges score them against its criteria until judging ends; winners are announced on its day.</p>
      {error && (
        <Alert message={error}>
          <button type="button" class="secondary" onClick={reload}>
            Load again
          </button>
        </Alert>
      )}
      {!rounds ? (
        !error && <p class="loading" role="status">Loading the rounds…</p>
      ) : rounds.length === 0 ? (
        <p class="empty-list">No rounds yet.</p>
      ) : (
        <div class="table-wrap">
          <table class="figures compact round-list">
            <thead>
              <tr>
                <th scope="col">Round</th>
                <th scope="col">Phase</th>
                <th scope="col">Submissions</th>
                <th scope="col">Judging ends</th>
                <th scope="col">Announced on</th>
                <th scope="col">Categories</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <a href={`#/rounds/${encodeURIComponent(r.id)}`}>{r.name}</a>
                  </th>
                  <td>{PHASE_LABELS[r.phase]}</td>
                  <td>
                    {r.submissionOpens} to {r.submissionCloses}
                  </td>
                  <td>{r.judgingEnds}</td>
                  <td>{r.announceOn}</td>
                  <td>{r.categories.map((c) => c.name).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
