import type { ImportResult } from '@customer-chair/shared/schemas/content-import';

const ACTION_LABELS = { create: 'Create', update: 'Update', unchanged: 'Unchanged', remove: 'Remove' } as const;

/** What an import would do, row by row, and every error that stops it. */
export function ImportPreview({ result }: { result: ImportResult }) {
  const counts = Object.entries(result.counts);
  return (
    <div class="import-preview" aria-labelledby="preview-heading">
      <h3 id="preview-heading">{result.kind === 'restore' ? 'Restore preview: replaces all content' : 'Preview'}</h3>
      <ul class="counts">
        {counts.map(([kind, c]) => (
          <li key={kind}>
            <strong>{kind}</strong>: {c.create} to create, {c.update} to update, {c.unchanged} unchanged{c.remove ? `, ${c.remove} to remove` : ''}
          </li>
        ))}
        {result.timezone && <li>time zone becomes {result.timezone}</li>}
      </ul>
      {result.errors.length > 0 && (
        <div class="failure import-errors" role="alert">
          <p>
            <strong>
              {result.errors.length} {result.errors.length === 1 ? 'error' : 'errors'}; nothing can be imported until they are fixed:
            </strong>
          </p>
          <ul>
            {result.errors.map((e, i) => (
              <li key={i}>{e.text}</li>
            ))}
          </ul>
        </div>
      )}
      {result.rows.length > 0 && (
        <div class="table-wrap">
          <table class="figures compact import-rows">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">What happens</th>
                <th scope="col">Story</th>
                <th scope="col">Changed fields</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row, i) => (
                <tr key={i} class={`action-${row.action}`}>
                  <td class="num">{row.row ?? '—'}</td>
                  <td>
                    <span class={`badge ${row.action}`}>{ACTION_LABELS[row.action]}</span>
                  </td>
                  <th scope="row">
                    <span class="story-title">{row.title}</span>
                    <span class="story-customer">{row.customer}</span>
                  </th>
                  <td>{row.changes.join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
