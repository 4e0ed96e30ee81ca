import type { UsageEvent } from '../../shared/src/schemas/usage-event';
import { makeEvent, uuidv7 } from './make-event';

/**
 * An ingest client as an extension behaves: it makes batches of fresh
 * events for its install, posts them one after another, and remembers which
 * batches the server acknowledged (2xx) and which got no answer.
 */
export class IngestClient {
  readonly installId = uuidv7();
  readonly acknowledged: UsageEvent[] = [];
  readonly unacknowledged: UsageEvent[][] = [];
  private stopped = false;

  constructor(private readonly batchSize = 25) {}

  batch(): UsageEvent[] {
    const at = new Date().toISOString();
    return Array.from({ length: this.batchSize }, () => makeEvent({ installId: this.installId, at, id: uuidv7() }));
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

  stop() {
    this.stopped = true;
  }
}

export async function postBatch(url: string, events: UsageEvent[]): Promise<Response> {
  const response = await fetch(`${url}/api/v1/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ events }),
    signal: AbortSignal.timeout(15_000),
  });
  // Read the body so the connection is free for the next request.
  await response.arrayBuffer();
  return response;
}
