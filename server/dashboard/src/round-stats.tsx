import { judging } from './api';
import { Alert } from './alert';
import { count } from './format';
import { useLoad } from './use-load';

const winners = (n: number | null) => (n === null ? '—' : count(n));

/**
 * A round's entries and winners per department, by name (never ranked);
 * departments with fewer entries than the disclosure minimum only inside
 * "Other", as usage is; winners only once the round is announced.
 */
export function RoundStats({ roundId }: { roundId: string }) {
  const { data: stats, error } = useLoad(() => judging.stats(roundId), [roundId]);

  if (error) return <Alert message={error} />;
  if (!stats) return <p class="loading" role="status">Loading the entries per department…</p>;
  return (
    <section class="round-stats" aria-labelledby="round-stats-title">
      <h2 id="round-stats-title">Entries and winners per department</h2>
      {stats.withheld || !stats.total ? (
        <p class="hint">
          {stats.withheld ? `Too few entries to show any figure (fewer than ${stats.minGroupSize} in all).` : 'No entries yet.'}
        </p>
      ) : (
        <div class="table-wrap">
          <table class="figures compact">
            <thead>
              <tr>
                <th scope="col">Department</th>
                <th scope="col" class="num">
                  Entries
                </th>
                <th scope="col" class="num">
                  Winners
                </th>
              </tr>
            </thead>
            <tbody>
              {stats.departments.map((d) => (
                <tr key={d.department}>
                  <th scope="row">{d.name}</th>
                  <td class="num">{count(d.entries)}</td>
                  <td class="num">{winners(d.winners)}</td>
                </tr>
              ))}
              {stats.other && (
                <tr>
                  <th scope="row">Other ({count(stats.other.departments)} departments with fewer than {stats.minGroupSize} entries each)</th>
                  <td class="num">{count(stats.other.entries)}</td>
                  <td class="num">{winners(stats.other.winners)}</td>
                </tr>
              )}
              <tr class="total">
                <th scope="row">All departments</th>
                <td class="num">{count(stats.total.entries)}</td>
                <td class="num">{winners(stats.total.winners)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
      <p class="hint">Departments in order of name, never ranked. Winners are shown once the round is announced.</p>
    </section>
  );
}
