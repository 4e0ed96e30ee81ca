import { SMALL_DEPARTMENT, VOICE_KIND_LABELS, VOICE_KINDS, VOICE_STATUS_LABELS, VOICE_STATUSES, type VoiceKind, type VoiceMessageRecord, type VoiceStatusName } from '@customer-chair/shared/schemas/voice';
import { voice } from './api';
import { Alert } from './alert';
import { count, counted } from './format';
import { VoiceMessage } from './voice-message';
import { useLoad } from './use-load';

export type VoiceFilters = { status: VoiceStatusName | 'all'; kind: VoiceKind | 'all'; department: string };

/** "status=new&kind=idea&department=support" (the hash after #/voice/) → the filters; anything unknown means "all". */
export function readFilters(rest: string | undefined): VoiceFilters {
  const params = new URLSearchParams(rest ?? '');
  const status = params.get('status');
  const kind = params.get('kind');
  return {
    // The inbox opens on what is waiting for an answer.
    status: status === 'all' || (VOICE_STATUSES as readonly string[]).includes(status ?? '') ? (status as VoiceFilters['status']) : 'new',
    kind: (VOICE_KINDS as readonly string[]).includes(kind ?? '') ? (kind as VoiceKind) : 'all',
    department: params.get('department') || 'all',
  };
}

/** The filters as the page's address: a link to it opens the same view. */
export function filtersHash(filters: VoiceFilters): string {
  const params = new URLSearchParams({ status: filters.status });
  if (filters.kind !== 'all') params.set('kind', filters.kind);
  if (filters.department !== 'all') params.set('department', filters.department);
  return `voice/${params}`;
}

const TABS: (VoiceStatusName | 'all')[] = [...VOICE_STATUSES, 'all'];

/**
 * The CX team's inbox of what employees send from the extension: filter by
 * status, kind and department, answer each message (status, why not, a
 * public "You said, we did" reply), make a customer voice a draft story,
 * share a lesson with every department.
 */
export function VoiceInbox({ hash }: { hash: string | undefined }) {
  const filters = readFilters(hash);
  const {
    data: inbox,
    error,
    loading,
    reload: loadAgain,
    setData: setInbox,
  } = useLoad(
    () =>
      voice.inbox({
        ...(filters.status === 'all' ? {} : { status: filters.status }),
        ...(filters.kind === 'all' ? {} : { kind: filters.kind }),
        ...(filters.department === 'all' ? {} : { department: filters.department }),
      }),
    [filters.status, filters.kind, filters.department],
  );

  const choose = (change: Partial<VoiceFilters>) => {
    location.hash = `#/${filtersHash({ ...filters, ...change })}`;
  };

  /** A message changed here stays in view (under its new status) until the list is loaded again; the tabs' counts follow. */
  const replace = (record: VoiceMessageRecord) =>
    setInbox((old) => {
      if (!old) return old;
      const before = old.messages.find((m) => m.id === record.id);
      const byStatus = { ...old.byStatus };
      if (before && before.status !== record.status) {
        byStatus[before.status] = Math.max(0, (byStatus[before.status] ?? 0) - 1);
        byStatus[record.status] = (byStatus[record.status] ?? 0) + 1;
      }
      return { ...old, byStatus, messages: old.messages.map((m) => (m.id === record.id ? record : m)) };
    });

  /** After a 409: the message as it is now (someone else changed it), shown in place of the stale one. */
  async function reload(messageId: string): Promise<VoiceMessageRecord | undefined> {
    const everything = await voice.inbox({});
    const record = everything.messages.find((m) => m.id === messageId);
    if (record) replace(record);
    return record;
  }

  const all = inbox ? VOICE_STATUSES.reduce((sum, s) => sum + (inbox.byStatus[s] ?? 0), 0) : 0;
  const unfiltered = filters.kind === 'all' && filters.department === 'all';

  return (
    <main class="content-page voice-inbox" aria-busy={loading}>
      <div class="heading">
        <h1>Voice</h1>
      </div>
      <p class="note">
        What employees heard from customers, their ideas for customers, and the lessons they learned. A message carries its department and nothing else about who sent it; answer it here, and
        in public when it helps: a “You said, we did” reply shows on every new tab for the days you choose.
      </p>

      <form class="filters voice-filters" role="search" aria-label="Filter the messages" onSubmit={(e) => e.preventDefault()}>
        <div class="chips" role="group" aria-label="Messages by status">
          {TABS.map((s) => {
            const n = s === 'all' ? all : (inbox?.byStatus[s] ?? 0);
            return (
              <button key={s} type="button" class={s === filters.status ? 'chip active' : 'chip'} aria-pressed={s === filters.status} onClick={() => choose({ status: s })}>
                {s === 'all' ? 'All' : VOICE_STATUS_LABELS[s]} {inbox && <span class="tab-count">{count(n)}</span>}
              </button>
            );
          })}
        </div>
        <div class="voice-selects">
          <div class="field inline">
            <label for="voice-kind">Kind</label>
            <select id="voice-kind" value={filters.kind} onChange={(e) => choose({ kind: e.currentTarget.value as VoiceFilters['kind'] })}>
              <option value="all">All kinds</option>
              {VOICE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {VOICE_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </div>
          <div class="field inline">
            <label for="voice-department">Department</label>
            <select id="voice-department" value={filters.department} onChange={(e) => choose({ department: e.currentTarget.value })}>
              <option value="all">All departments</option>
              {inbox?.departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
              <option value={SMALL_DEPARTMENT}>A small department</option>
              {/* A link to a department the list no longer names still shows what it asks for. */}
              {inbox && filters.department !== 'all' && filters.department !== SMALL_DEPARTMENT && !inbox.departments.some((d) => d.id === filters.department) && (
                <option value={filters.department}>{filters.department}</option>
              )}
            </select>
          </div>
        </div>
      </form>

      {error && (
        <Alert message={`Could not load the messages: ${error}`}>
          <button type="button" class="secondary" onClick={loadAgain}>
            Load again
          </button>
        </Alert>
      )}
      {!inbox ? (
        !error && (
          <p class="loading" role="status">
            Loading the messages…
          </p>
        )
      ) : unfiltered && all === 0 ? (
        <section class="empty" aria-labelledby="voice-empty-title">
          <h2 id="voice-empty-title">No messages yet.</h2>
          <p>
            Employees send them from the extension: “Tell the CX team what a customer told you”, under the actions on the new tab and in the popup, opens a short form for what a
            customer told them, an idea for our customers, or a lesson from something that did not work. Only their department comes with a message, and a department where fewer than {inbox.minGroupSize} people use Customer Chair is shown as “a small
            department”.
          </p>
        </section>
      ) : (
        <div class={loading ? 'stale' : undefined}>
          <p class="hint voice-count" role="status">
            {inbox.matching > inbox.messages.length
              ? `Showing ${count(inbox.messages.length)} of ${count(inbox.matching)}, the newest first.`
              : inbox.matching === 0
                ? 'No messages match these filters.'
                : `${counted(inbox.matching, 'message', 'messages')}, the newest first.`}
          </p>
          <ol class="voice-list">
            {inbox.messages.map((message) => (
              <li key={message.id}>
                <VoiceMessage message={message} minGroupSize={inbox.minGroupSize} moved={filters.status !== 'all' && message.status !== filters.status} onChanged={replace} reload={reload} />
              </li>
            ))}
          </ol>
        </div>
      )}
    </main>
  );
}
