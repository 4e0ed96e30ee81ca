import type { AuditEntry } from '@customer-chair/shared/schemas/audit-entry';
import { useEffect, useState } from 'preact/hooks';
import { admin, failureMessage } from './api';
import { Alert } from './alert';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** Who (a person's name, or an admin token's label) changed what, and when: newest first, a page at a time. */
export function AuditLog({ onExpired }: { onExpired: () => void }) {
  const [entries, setEntries] = useState<AuditEntry[]>();
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function load(before?: number) {
    setBusy(true);
    try {
      const page = await admin.audit(before);
      setEntries((list) => (before ? [...(list ?? []), ...page.entries] : page.entries));
      setNext(page.nextBefore);
      setError(undefined);
    } catch (failure) {
      setError(failureMessage(failure, onExpired));
    } finally {
      setBusy(false);
    }
  }
  useEffect(() => void load(), []);

  return (
    <main class="content-page">
      <div class="heading">
        <h1>Audit log</h1>
        <button type="button" class="secondary" onClick={() => void load()} disabled={busy}>
          Refresh
        </button>
      </div>
      <p class="note">Every change to the content, by whom (the person’s name for company sign-in, else the label of the admin token) and when — never the story text itself. Times are in your browser’s time zone.</p>
      {error && <Alert message={error} />}
      {entries && entries.length === 0 && <p class="empty-list">Nothing has been changed yet.</p>}
      {entries && entries.length > 0 && (
        <div class="table-wrap">
          <table class="figures compact audit">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.at}>{when.format(new Date(e.at))}</time>
                  </td>
                  <th scope="row">{e.label}</th>
                  <td>
                    {e.entity} {e.action}
                    {/* A person's number says nothing; the summary names them. */}
                    {e.entityId && e.entity !== 'person' && <span class="story-customer">{e.entityId}</span>}
                  </td>
                  <td>{e.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next !== null && (
        <button type="button" class="secondary more" onClick={() => void load(next)} disabled={busy}>
          {busy ? 'Loading…' : 'Older entries'}
        </button>
      )}
    </main>
  );
}
