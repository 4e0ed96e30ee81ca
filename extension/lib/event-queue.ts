import { localDay } from '@customer-chair/shared/domain/local-day';
import { EventBatchResultSchema, type UsageEvent } from '@customer-chair/shared/schemas/usage-event';
import { apiRequest, unanswered, type ApiDeps } from './api-request';
import type { LogRequest } from './messages';
import type { Profile } from './profile';
import { eventQueue, queueStatus, thanked, viewedStories, type QueueStatus } from './storage';
import { thanksKey } from './thanks-key';
import { uuidv7 } from './uuidv7';

export const QUEUE_LIMIT = 5000;
/** A flush starts as soon as this many events wait. */
export const FLUSH_THRESHOLD = 20;
export const BATCH_SIZE = 500;
export const RETRY_BASE_MS = 30_000;
export const RETRY_MAX_MS = 60 * 60_000;

export type QueueDeps = ApiDeps & {
  now: () => number;
  random: () => number;
  installId: () => Promise<string>;
  /** The company's time zone, for "once per day" (from the content bundle). */
  timezone: () => Promise<string>;
  /** Asks for a flush again at this time (an alarm in the extension). */
  scheduleRetry: (at: number) => void;
};

export type FlushResult = { sent: number; rejected: number; waiting: number; error?: string };

/**
 * The persistent event queue: every event is written to storage before
 * anything else, sent in batches, retried with exponential back-off and
 * jitter, and bounded. Operations run one at a time (a promise chain), so
 * concurrent messages never lose an update.
 */
export function createEventQueue(deps: QueueDeps) {
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = chain.then(task, task);
    chain = next.catch(() => undefined);
    return next;
  };

  async function updateStatus(change: (status: QueueStatus) => QueueStatus) {
    await queueStatus.setValue(change(await queueStatus.getValue()));
  }

  /** Queues one event; undefined when usage statistics are off or it is a repeat view. */
  function enqueue(request: Omit<LogRequest, 'kind'>): Promise<string | undefined> {
    return serial(async () => {
      const profile = await deps.profile();
      if (!profile.usageStatistics || !profile.department || !profile.role) return undefined;
      const now = deps.now();
      if (request.type === 'story_viewed' && request.storyId) {
        const day = localDay(new Date(now), await deps.timezone());
        const viewed = await viewedStories.getValue();
        if (viewed[request.storyId] === day) return undefined;
        // Keep only today's marks: the map never grows past one day's stories.
        await viewedStories.setValue({ ...Object.fromEntries(Object.entries(viewed).filter(([, d]) => d === day)), [request.storyId]: day });
      }
      if (request.type === 'team_thanked') {
        // Once per story and credited department on this browser, never one's own (the server would refuse the batch).
        if (!request.storyId || !request.thankedDepartment || request.thankedDepartment === profile.department) return undefined;
        const key = thanksKey(request.storyId, request.thankedDepartment);
        const marks = await thanked.getValue();
        if (marks[key]) return undefined;
        await thanked.setValue({ ...marks, [key]: new Date(now).toISOString() });
      }
      const event: UsageEvent = {
        id: uuidv7(now),
        installId: await deps.installId(),
        type: request.type,
        department: profile.department,
        role: profile.role,
        surface: request.surface,
        at: new Date(now).toISOString(),
        ...(request.storyId && { storyId: request.storyId }),
        ...(request.promptId && { promptId: request.promptId }),
        ...(request.actionId && { actionId: request.actionId }),
        ...(request.type === 'team_thanked' && { thankedDepartment: request.thankedDepartment }),
      };
      const queue = [...(await eventQueue.getValue()), event];
      const overflow = Math.max(0, queue.length - QUEUE_LIMIT);
      await eventQueue.setValue(queue.slice(overflow));
      if (overflow) await updateStatus((s) => ({ ...s, dropped: s.dropped + overflow }));
      return event.id;
    });
  }

  /** Removes an event that has not been sent yet ("Undo"). */
  function undo(eventId: string): Promise<boolean> {
    return serial(async () => {
      const queue = await eventQueue.getValue();
      const rest = queue.filter((e) => e.id !== eventId);
      if (rest.length === queue.length) return false;
      await eventQueue.setValue(rest);
      return true;
    });
  }

  /**
   * Sends what waits, batch by batch, unless a back-off is running. `force`
   * ("Sync now") ignores it; `startup` ignores our own back-off but still
   * honours a wait the server asked for with Retry-After.
   */
  function flush(options: { force?: boolean; startup?: boolean } = {}): Promise<FlushResult> {
    return serial(async () => {
      const profile = await deps.profile();
      if (!profile.usageStatistics) {
        // Nothing is sent when statistics are off, and nothing kept to send later.
        await eventQueue.setValue([]);
        return { sent: 0, rejected: 0, waiting: 0 };
      }
      const status = await queueStatus.getValue();
      const waitRequired = !options.force && !(options.startup && !status.serverAskedToWait);
      if (waitRequired && status.retryAt && Date.parse(status.retryAt) > deps.now()) {
        return { sent: 0, rejected: 0, waiting: (await eventQueue.getValue()).length };
      }
      let sent = 0;
      let rejected = 0;
      for (;;) {
        const queue = await eventQueue.getValue();
        if (queue.length === 0) break;
        const batch = queue.slice(0, BATCH_SIZE);
        const outcome = await post(profile, batch);
        if (outcome.kind === 'retry') {
          const failures = status.failures + 1;
          const backoff = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (failures - 1));
          const jittered = backoff / 2 + deps.random() * (backoff / 2);
          const wait = Math.max(jittered, outcome.retryAfterMs ?? 0);
          const retryAt = deps.now() + wait;
          const serverAskedToWait = outcome.retryAfterMs !== undefined && outcome.retryAfterMs >= jittered;
          await updateStatus((s) => ({ ...s, failures, lastError: outcome.error, retryAt: new Date(retryAt).toISOString(), serverAskedToWait }));
          deps.scheduleRetry(retryAt);
          return { sent, rejected, waiting: queue.length, error: outcome.error };
        }
        const ids = new Set(batch.map((e) => e.id));
        await eventQueue.setValue((await eventQueue.getValue()).filter((e) => !ids.has(e.id)));
        if (outcome.kind === 'sent') sent += batch.length;
        else {
          rejected += batch.length;
          await updateStatus((s) => ({ ...s, rejected: s.rejected + batch.length, lastRejection: outcome.error }));
        }
        status.failures = 0;
        await updateStatus((s) => ({
          ...s,
          failures: 0,
          retryAt: undefined,
          serverAskedToWait: undefined,
          lastError: undefined,
          lastFlushAt: new Date(deps.now()).toISOString(),
        }));
      }
      return { sent, rejected, waiting: 0 };
    });
  }

  type Outcome = { kind: 'sent' } | { kind: 'rejected'; error: string } | { kind: 'retry'; error: string; retryAfterMs?: number };

  async function post(profile: Profile, events: UsageEvent[]): Promise<Outcome> {
    // The settings read once per flush: on a fresh profile a managed-storage read takes seconds.
    const reply = await apiRequest({ ...deps, profile: async () => profile }, '/api/v1/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ events }),
    });
    if (reply.ok) {
      // An answer we cannot read still means the server committed the batch.
      await reply.read(EventBatchResultSchema);
      return { kind: 'sent' };
    }
    // No answer, a time-out (the server may still have stored the batch: event ids make sending it again harmless),
    // too many requests, a server failure: the events are fine, try again later.
    if (unanswered(reply) || reply.kind === 'rate-limited' || reply.kind === 'server-error') return { kind: 'retry', error: reply.message, retryAfterMs: reply.retryAfterMs };
    // A wrong enrollment key is a setting to fix, not bad events: keep them until it is fixed.
    if (reply.kind === 'unauthorized' || reply.status === 403) return { kind: 'retry', error: reply.message };
    return { kind: 'rejected', error: `The server refused ${events.length} events: ${reply.message}` };
  }

  return { enqueue, undo, flush, threshold: FLUSH_THRESHOLD };
}
