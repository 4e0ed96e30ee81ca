import { SURFACES, type EventBatchResult, type EventType, type UsageEvent } from '../../shared/src/schemas/usage-event';
import { makeEvent, uuidv7 } from './make-event';

/** One acknowledged batch with the server's answer; `attempts` > 1 when this client had to send it again. */
export type BatchAnswer = { events: UsageEvent[]; attempts: number; status: number } & EventBatchResult;

const VARIED_TYPES: EventType[] = ['story_viewed', 'prompt_shown', 'prompt_inserted', 'story_inserted', 'story_shared', 'action_taken'];
const VARIED_TEAMS = [
  { department: 'engineering', role: 'engineering' },
  { department: 'sales', role: 'account-executive' },
  { department: 'support', role: 'support-agent' },
  { department: 'support', role: 'support-lead' },
];
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/**
 * An ingest client as an extension behaves: it makes batches of fresh
 * events for its install, posts them one after another, and remembers which
 * batches the server acknowledged (2xx) and which got no answer.
 */
export class IngestClient {
  readonly installId = uuidv7();
  readonly acknowledged: UsageEvent[] = [];
  readonly unacknowledged: UsageEvent[][] = [];
  /** runResending / resendUnacknowledged: every acknowledged batch with the server's answer, in order. */
  readonly answers: BatchAnswer[] = [];
  /** runResending / resendUnacknowledged: requests that were not acknowledged (an error status or no answer). */
  failedAttempts = 0;
  private readonly attempts = new Map<UsageEvent[], number>();
  private stopped = false;

  /**
   * `varied`: each event of a random type, team (department and role) and
   * surface, so that concurrent batches touch many roll-up rows; otherwise
   * every event is the same engineering action on the new tab.
   */
  constructor(
    private readonly batchSize = 25,
    private readonly options: { varied?: boolean } = {},
  ) {}

  batch(): UsageEvent[] {
    const at = new Date().toISOString();
    return Array.from({ length: this.batchSize }, () =>
      makeEvent({ installId: this.installId, at, id: uuidv7(), ...(this.options.varied ? { type: pick(VARIED_TYPES), ...pick(VARIED_TEAMS), surface: pick(SURFACES) } : {}) }),
    );
  }

  /** Posts batches back to back until stop() or the server goes away. */
  async run(url: string, onAck: () => void): Promise<void> {
    while (!this.stopped) {
      const events = this.batch();
      try {
        const response = await postBatch(url, events);
        if (response.ok) {
          this.acknowledged.push(...events);
          onAck();
        } else this.unacknowledged.push(events);
      } catch {
        // The connection died with the server: this batch may or may not have been committed.
        this.unacknowledged.push(events);
        return;
      }
    }
  }

  /**
   * Posts batches back to back until stop(), as the extension's queue does:
   * a batch that was not acknowledged (error status, cut connection, time-out)
   * is sent again, before any new one, until it is; `url()` is asked before
   * every request. `onAck` after each acknowledged batch, `onFailure` after
   * each failed attempt (then a pause of `retryDelayMs`).
   */
  async runResending(
    url: string | (() => string),
    options: { onAck?: (answer: BatchAnswer) => void; onFailure?: () => void; retryDelayMs?: number } = {},
  ): Promise<void> {
    while (!this.stopped) {
      const events = this.unacknowledged.shift() ?? this.batch();
      const answer = await this.send(typeof url === 'string' ? url : url(), events);
      if (answer) options.onAck?.(answer);
      else {
        options.onFailure?.();
        await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 100));
      }
    }
  }

  /** Sends every unacknowledged batch again until each is acknowledged; throws when `timeoutMs` has passed first. */
  async resendUnacknowledged(url: string | (() => string), timeoutMs = 30_000, retryDelayMs = 100): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.unacknowledged.length) {
      if (Date.now() > deadline) throw new Error(`${this.unacknowledged.length} batches still unacknowledged after ${timeoutMs} ms`);
      const events = this.unacknowledged.shift()!;
      if (!(await this.send(typeof url === 'string' ? url : url(), events))) await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
    }
  }

  /** One attempt: acknowledged (the answer, recorded), or not (the batch goes back on `unacknowledged`). */
  private async send(url: string, events: UsageEvent[]): Promise<BatchAnswer | undefined> {
    const attempts = (this.attempts.get(events) ?? 0) + 1;
    this.attempts.set(events, attempts);
    try {
      const response = await postBatch(url, events, true);
      if (response.ok) {
        const result = response.result!;
        const answer: BatchAnswer = { events, attempts, status: response.status, accepted: result.accepted, duplicates: result.duplicates };
        this.attempts.delete(events);
        this.acknowledged.push(...events);
        this.answers.push(answer);
        return answer;
      }
    } catch {
      // No answer (connection refused or cut, time-out): the batch may or may not have been committed.
    }
    this.failedAttempts++;
    this.unacknowledged.push(events);
    return undefined;
  }

  stop() {
    this.stopped = true;
  }
}

export async function postBatch(url: string, events: UsageEvent[]): Promise<Response>;
/** With `readResult`: a 2xx answer's body is parsed into `result` (a non-2xx body is read and dropped). */
export async function postBatch(url: string, events: UsageEvent[], readResult: true): Promise<Response & { result?: EventBatchResult }>;
export async function postBatch(url: string, events: UsageEvent[], readResult = false): Promise<Response & { result?: EventBatchResult }> {
  const response = await fetch(`${url}/api/v1/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ events }),
    signal: AbortSignal.timeout(15_000),
  });
  // Read the body so the connection is free for the next request.
  if (readResult && response.ok) return Object.assign(response, { result: (await response.json()) as EventBatchResult });
  await response.arrayBuffer();
  return response;
}
