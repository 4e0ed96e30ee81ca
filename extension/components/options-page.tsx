import type { ContentBundle } from '@customer-chair/shared/schemas/content-bundle';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { QUEUE_LIMIT } from '../lib/event-queue';
import { watchManagedSettings } from '../lib/managed-settings';
import { ChoiceSelect } from './choice-select';
import { syncOutcome } from '../lib/sync-outcome';
import type { SyncNowResponse } from '../lib/messages';
import { effectiveProfile, type Profile } from '../lib/profile';
import {
  cachedBundle,
  DEFAULT_SERVER_URL,
  eventQueue,
  queueStatus,
  syncStatus,
  userSettings,
  type ManagedSettings,
  type QueueStatus,
  type SyncStatus,
  type UserSettings,
} from '../lib/storage';

/** Exactly what one usage event carries, shown to the employee. */
export const FIELDS_SENT = [
  'a random install id (made by this browser, not linked to you)',
  'your department and role, as chosen here',
  'what happened: story viewed, question shown or inserted, story inserted or shared, action logged, team thanked',
  'which story, question or action it was about (and for a thanks, which department you thanked)',
  'where: new tab, popup, or the meeting site (Meet, Zoom, Teams, Calendar, Outlook)',
  'the time',
];

/** Exactly what the other requests send. */
export const OTHER_REQUESTS_SENT = [
  'The validation line under the actions asks for your department’s figures: the request sends only your department.',
  'A message you write in “Tell the CX team” sends its kind, its text and your department, with a random sender key used only for the daily limit (made for the form, never the install id; the server keeps only a hash of it for that day).',
];

type State = {
  user: UserSettings;
  bundle?: ContentBundle;
  sync: SyncStatus;
  queue: QueueStatus;
  waiting: number;
};

async function load(): Promise<State> {
  const [user, cached, sync, queue, events] = await Promise.all([
    userSettings.getValue(),
    cachedBundle.getValue(),
    syncStatus.getValue(),
    queueStatus.getValue(),
    eventQueue.getValue(),
  ]);
  return { user, bundle: cached?.bundle, sync, queue, waiting: events.length };
}

/** Origins the manifest already grants (a local server); others are asked for at run time. */
function needsPermission(url: string): string | undefined {
  const { hostname, protocol } = new URL(url);
  if (hostname === '127.0.0.1' || hostname === 'localhost') return undefined;
  return `${protocol}//${hostname}/*`;
}

export function OptionsPage() {
  const [state, setState] = useState<State>();
  // The mirror first, corrected by storage.managed when it answers (seconds on a fresh Chromium profile).
  const [managed, setManaged] = useState<ManagedSettings>();
  const [draft, setDraft] = useState<UserSettings>();
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const [busy, setBusy] = useState(false);

  const refresh = async () => {
    const next = await load();
    setState(next);
    setDraft((d) => d ?? next.user);
  };
  useEffect(() => {
    const controller = new AbortController();
    void refresh();
    void watchManagedSettings(setManaged, controller.signal);
    // Keep the status live while the page is open (a sync or flush may finish any time).
    const onChange = (_changes: unknown, area: string) => {
      if (area !== 'managed') void refresh();
    };
    browser.storage.onChanged.addListener(onChange);
    return () => {
      controller.abort();
      browser.storage.onChanged.removeListener(onChange);
    };
  }, []);

  if (!state || !draft || !managed) return <div class="page">Loading…</div>;
  const { bundle } = state;
  const profile: Profile = effectiveProfile(state.user, managed);
  const set = (patch: Partial<UserSettings>) => setDraft({ ...draft, ...patch });

  async function save(e: Event) {
    e.preventDefault();
    setMessage(undefined);
    let url: URL;
    try {
      url = new URL(draft!.serverUrl);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http');
    } catch {
      setMessage({ text: 'The server URL must start with https:// (or http:// for a local server).', error: true });
      return;
    }
    const origin = profile.locked.serverUrl ? undefined : needsPermission(url.href);
    if (origin && !(await browser.permissions.request({ origins: [origin] }))) {
      setMessage({ text: `Permission to reach ${url.host} was not given; settings not saved.`, error: true });
      return;
    }
    await userSettings.setValue({ ...draft!, serverUrl: url.origin });
    setMessage({ text: 'Saved.' });
    await refresh();
  }

  async function syncNow() {
    setBusy(true);
    setMessage(undefined);
    const answer = (await browser.runtime.sendMessage({ kind: 'sync-now' })) as SyncNowResponse | undefined;
    setBusy(false);
    setMessage(syncOutcome(answer));
    await refresh();
  }

  return (
    <div class="page">
      <header class="brand">
        <h1>Customer Chair — Settings</h1>
      </header>
      <form class="settings" onSubmit={save}>
        <fieldset>
          <legend>Sync server</legend>
          <div class="field">
            <label for="server-url">Server URL</label>
            <input
              id="server-url"
              type="url"
              value={profile.locked.serverUrl ? profile.serverUrl : draft.serverUrl}
              disabled={profile.locked.serverUrl}
              placeholder={DEFAULT_SERVER_URL}
              onInput={(e) => set({ serverUrl: e.currentTarget.value })}
            />
            {profile.locked.serverUrl && <p class="hint">Set by your IT department.</p>}
          </div>
          <div class="field">
            <label for="enrollment-key">Enrollment key</label>
            <input
              id="enrollment-key"
              type="password"
              autoComplete="off"
              value={profile.locked.enrollmentKey ? '••••••••' : draft.enrollmentKey}
              disabled={profile.locked.enrollmentKey}
              onInput={(e) => set({ enrollmentKey: e.currentTarget.value })}
            />
            <p class="hint">{profile.locked.enrollmentKey ? 'Set by your IT department.' : 'Only if your company’s server asks for one.'}</p>
          </div>
        </fieldset>
        <fieldset>
          <legend>You</legend>
          <ChoiceSelect
            id="department"
            label="Department"
            value={(profile.locked.department ? profile.department : draft.department) ?? ''}
            choices={bundle?.departments ?? []}
            locked={profile.locked.department}
            onChange={(value) => set({ department: value || undefined })}
          />
          <ChoiceSelect
            id="role"
            label="Role"
            value={(profile.locked.role ? profile.role : draft.role) ?? ''}
            choices={bundle?.roles ?? []}
            locked={profile.locked.role}
            onChange={(value) => set({ role: value || undefined })}
          />
        </fieldset>
        <fieldset>
          <legend>Usage statistics</legend>
          <label class="checkbox" for="usage">
            <input
              id="usage"
              type="checkbox"
              checked={profile.locked.usageStatistics ? false : draft.usageStatistics}
              disabled={profile.locked.usageStatistics}
              onChange={(e) => set({ usageStatistics: e.currentTarget.checked })}
            />
            Send usage statistics
          </label>
          <p class="hint">
            {profile.locked.usageStatistics ? 'Turned off by your IT department. ' : ''}Your CX team sees them only per department, and never for a group of fewer than a handful of people. Each event sends exactly:
          </p>
          <ul class="fields-sent">
            {FIELDS_SENT.map((f) => <li key={f}>{f}</li>)}
          </ul>
          <p class="hint">Never your name, e-mail, the pages you visit, meeting titles or anything you type.</p>
          <p class="hint">Besides events, only when you use them:</p>
          <ul class="fields-sent">
            {OTHER_REQUESTS_SENT.map((f) => <li key={f}>{f}</li>)}
          </ul>
        </fieldset>
        <div class="row">
          <button type="submit" class="primary">Save</button>
          <button type="button" class="secondary" onClick={syncNow} disabled={busy}>
            {busy ? 'Syncing…' : 'Sync now'}
          </button>
          {message && <span class={message.error ? 'message error' : 'message'} role="status">{message.text}</span>}
        </div>
      </form>
      <section class="status question" aria-labelledby="status-title">
        <h2 id="status-title">Status</h2>
        <dl>
          <dt>Last sync</dt>
          <dd data-testid="last-sync">{state.sync.lastAttemptAt ? `${new Date(state.sync.lastAttemptAt).toLocaleString()} — ${syncResult(state.sync)}` : 'Not yet'}</dd>
          <dt>Content</dt>
          <dd>{bundle ? (bundle.version === 0 ? 'Demo content (not synced yet)' : `Version ${bundle.version}`) : 'None'}</dd>
          <dt>Events waiting</dt>
          <dd data-testid="events-waiting">{state.waiting}</dd>
          <dt>Events dropped</dt>
          <dd data-testid="events-dropped">{droppedText(state.queue)}</dd>
          {state.queue.lastError && (
            <>
              <dt>Sending</dt>
              <dd>{state.queue.lastError}{state.queue.retryAt ? ` Next try ${new Date(state.queue.retryAt).toLocaleTimeString()}.` : ''}</dd>
            </>
          )}
        </dl>
      </section>
    </div>
  );
}

/** What was lost and why, in words: the queue's bound, and batches the server refused as invalid. */
function droppedText(queue: QueueStatus): string {
  const parts: string[] = [];
  if (queue.dropped) {
    parts.push(
      `${queue.dropped.toLocaleString('en')} oldest ${queue.dropped === 1 ? 'event' : 'events'} dropped because the queue was full (it keeps the newest ${QUEUE_LIMIT.toLocaleString('en')} while the server cannot be reached)`,
    );
  }
  if (queue.rejected) {
    parts.push(`${queue.rejected.toLocaleString('en')} refused by the server as invalid${queue.lastRejection ? ` — ${queue.lastRejection}` : ''}`);
  }
  return parts.length ? `${parts.join('; ')}.` : 'None';
}

function syncResult(sync: SyncStatus): string {
  if (sync.result === 'error') return `failed: ${sync.error}`;
  if (sync.result === 'unchanged') return 'up to date';
  return 'updated';
}
