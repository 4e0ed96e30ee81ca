import { browser } from 'wxt/browser';
import { config as zodConfig } from 'zod';
import { defineBackground } from 'wxt/utils/define-background';
import { demoBundle } from '../lib/demo-bundle';
import { createEventQueue } from '../lib/event-queue';
import { createInsertMenus, registerInsertAnywhere } from '../lib/insert-anywhere';
import { loadProfile } from '../lib/load-profile';
import { keepManagedMirror } from '../lib/managed-settings';
import type { BackgroundRequest } from '../lib/messages';
import { cachedBundle, eventQueue, installId } from '../lib/storage';
import { syncContent } from '../lib/sync-content';
import { syncValidation } from '../lib/sync-validation';

const SYNC_ALARM = 'sync-content';
const FLUSH_ALARM = 'flush-events';
const RETRY_ALARM = 'flush-retry';

// Extension pages forbid eval; tell zod up front instead of letting it probe.
zodConfig({ jitless: true });

export default defineBackground(() => {
  const queue = createEventQueue({
    fetch: (...args) => fetch(...args),
    now: Date.now,
    random: Math.random,
    profile: loadProfile,
    installId: ensureInstallId,
    timezone: async () => (await cachedBundle.getValue())?.bundle.timezone ?? 'UTC',
    scheduleRetry: (when) => void browser.alarms.create(RETRY_ALARM, { when }),
  });
  const deps = { fetch: ((...args) => fetch(...args)) as typeof fetch, now: Date.now, profile: loadProfile };
  /**
   * The content and the own department's validation figures, side by side (a server that never answers costs one
   * time-out, not two): both kept for the new tab, which never waits for them.
   */
  const sync = async () => {
    const [content, validation] = await Promise.all([syncContent(deps), syncValidation(deps)]);
    return { content, validation };
  };

  registerInsertAnywhere((request) => queue.enqueue(request));
  // Every time the worker starts, not only on install or browser start: the options page and popup paint from this copy.
  void keepManagedMirror();

  async function start() {
    await createInsertMenus();
    await ensureInstallId();
    await ensureContent();
    await browser.alarms.create(SYNC_ALARM, { periodInMinutes: 30 });
    await browser.alarms.create(FLUSH_ALARM, { periodInMinutes: 5 });
    await sync();
    // A browser start is a natural moment to retry: our own back-off is skipped, a server's Retry-After is not.
    await queue.flush({ startup: true });
  }

  browser.runtime.onInstalled.addListener(() => void start());
  browser.runtime.onStartup.addListener(() => void start());

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void sync();
    else if (alarm.name === FLUSH_ALARM || alarm.name === RETRY_ALARM) void queue.flush();
  });

  browser.runtime.onMessage.addListener((message: BackgroundRequest, _sender, sendResponse) => {
    const answer = async () => {
      switch (message.kind) {
        case 'log': {
          const eventId = await queue.enqueue(message);
          if (eventId && (await waiting()) >= queue.threshold) void queue.flush();
          return { eventId };
        }
        case 'undo':
          return { undone: await queue.undo(message.eventId) };
        case 'sync-now': {
          // Events first, so what was just done ("I did this", a thanks) is in the figures the sync brings back.
          const events = await queue.flush({ force: true });
          const { content, validation } = await sync();
          return { content, events, validation };
        }
      }
    };
    answer().then(sendResponse, (error: Error) => sendResponse({ error: error.message }));
    return true; // the answer comes asynchronously
  });
});

async function waiting(): Promise<number> {
  return (await eventQueue.getValue()).length;
}

/** The random install id, made once; it names no person (and, unlike a v7, tells no install time). */
let pendingInstallId: Promise<string> | undefined;
function ensureInstallId(): Promise<string> {
  // One promise for all callers, so two first events cannot make two ids.
  pendingInstallId ??= (async () => {
    const existing = await installId.getValue();
    if (existing) return existing;
    const id = crypto.randomUUID();
    await installId.setValue(id);
    return id;
  })();
  return pendingInstallId;
}

/** Before the first sync the new tab shows the demo content bundled here. */
async function ensureContent(): Promise<void> {
  if (await cachedBundle.getValue()) return;
  await cachedBundle.setValue({ bundle: demoBundle(), source: 'demo' });
}
