import { useState } from 'preact/hooks';
import { admin, failureMessage } from './api';
import { Alert } from './alert';
import { useLoad } from './use-load';
import { BusyButton } from './busy-button';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** Who (a person's name, or an admin token's label) changed what, and when: newest first, a page at a time. */
export function AuditLog() {
  const newest = useLoad(() => admin.audit(), []);
  const entries = newest.data?.entries;
  const next = newest.data?.nextBefore ?? null;
  const [older, setOlder] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const error = older.error ?? newest.error;
  const busy = newest.loading || older.busy;

  /** Refresh starts again from the newest entries; "Older entries" adds the next page below. */
  async function load(before?: number) {
    if (before === undefined) return (setOlder({ busy: false }), newest.reload());
    setOlder({ busy: true });
    try {
      const page = await admin.audit(before);
      newest.setData((shown) => ({ entries: [...(shown?.entries ?? []), ...page.entries], nextBefore: page.nextBefore }));
      setOlder({ busy: false });
    } catch (failure) {
      setOlder({ busy: false, error: failureMessage(failure) });
    }
  }

  return (
    <main class="content-page">
      <div class="heading">
        <h1>Audit log</h1>
        <BusyButton class="secondary" busy={busy} onClick={() => void load()}>
          Refresh
        </BusyButton>
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
        <BusyButton class="secondary more" busy={busy} onClick={() => void load(next)}>
          {busy ? 'Loading…' : 'Older entries'}
        </BusyButton>
      )}
    </main>
  );
}
