import type { ListeningCounters } from '@customer-chair/shared/schemas/listening-stats';
import { api } from './api';
import { count } from './format';
import { useLoad } from './use-load';

const COLUMNS: { key: keyof ListeningCounters; label: string; hint: string }[] = [
  { key: 'thanksReceived', label: 'Thanks received', hint: 'Times colleagues thanked the department for a customer story that credits it' },
  { key: 'customerSaid', label: 'Customer voice', hint: 'Messages telling the CX team what a customer said' },
  { key: 'ideas', label: 'Ideas', hint: 'Ideas for our customers sent to the CX team' },
  { key: 'lessons', label: 'Lessons', hint: 'Lessons from something that did not work, sent to the CX team' },
];

/**
 * The listening side of adoption, on the Adoption page: thanks received and
 * voice messages sent, by department, over the page's period and under the
 * same small-group rule as the figures above it.
 */
export function ListeningTable({ range, names }: { range: { from: string; to: string }; names: Map<string, { name: string }> }) {
  const { data: stats, error, reload } = useLoad(() => api.listening(range), [range.from, range.to]);

  const nameOf = (id: string) => names.get(id)?.name ?? id;

  return (
    <section class="listening" aria-labelledby="listening-title">
      <h2 id="listening-title">Listening: thanks and voice by department</h2>
      {error && (
        <div class="failure" role="alert">
          <p>Could not load the listening figures: {error}</p>
          <button type="button" class="secondary" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {!stats ? (
        !error && (
          <p class="loading" role="status">
            Loading…
          </p>
        )
      ) : (
        <>
          <div class="table-wrap">
            <table class="listening-table">
              <caption class="visually-hidden">Thanks received and messages sent to the CX team, by department</caption>
              <thead>
                <tr>
                  <th scope="col">Department</th>
                  {COLUMNS.map((c) => (
                    <th key={c.key} scope="col" class="num" title={c.hint}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr class="total">
                  <th scope="row">Whole company</th>
                  {COLUMNS.map((c) => (
                    <td key={c.key} class="num">
                      {count(stats.total[c.key])}
                    </td>
                  ))}
                </tr>
                {[...stats.departments].sort((x, y) => nameOf(x.department).localeCompare(nameOf(y.department))).map((d) => (
                  <tr key={d.department}>
                    <th scope="row">{nameOf(d.department)}</th>
                    {COLUMNS.map((c) => (
                      <td key={c.key} class="num">
                        {count(d[c.key])}
                      </td>
                    ))}
                  </tr>
                ))}
                {stats.other && (
                  <tr class="other">
                    <th scope="row">Other ({stats.other.departments} departments)</th>
                    {COLUMNS.map((c) => (
                      <td key={c.key} class="num">
                        {count(stats.other![c.key])}
                      </td>
                    ))}
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          <p class="note" data-testid="listening-note">
            Departments with fewer than {stats.minGroupSize} active installs are counted only together. Thanks count for the departments a story credits, once per story and
            browser; messages count for the department they came from.
          </p>
        </>
      )}
    </section>
  );
}
