import type { Storage } from '../../server/src/storage/storage';
import { openTestStorage } from './test-storage';
import { createApp } from '../../server/src/app';
import { bootstrap } from '../../server/src/bootstrap';
import { fixedClock } from '../../server/src/clock';
import { defaultConfig, type Config } from '../../server/src/config';
import { getCompanyTimezone } from '../../server/src/storage/queries/get-company-timezone';
import type { UsageEvent } from '../../shared/src/schemas/usage-event';
import { onTimeBatches } from './on-time';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/**
 * The real app on a real, fresh database of this run's engine (testEngine:
 * SQLite, `:memory:` unless a path is given, or PostgreSQL), with a pinned clock.
 */
export async function makeTestApp(options: { config?: Partial<Config>; now?: string; databasePath?: string; storage?: Storage } = {}) {
  const config = defaultConfig({ adminToken: TEST_ADMIN_TOKEN, ...options.config });
  const clock = fixedClock(options.now ?? '2026-11-23T10:00:00Z');
  const storage = options.storage ?? (await openTestStorage({ databasePath: options.databasePath }));
  await bootstrap(storage, config, clock);
  const app = createApp({ storage, clock, config });
  const admin = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
  return { app, storage, clock, config, admin };
}

/** POSTs a JSON body (or a raw string) to the events endpoint. */
export function postEvents(
  app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  body: unknown,
  headers: Record<string, string> = {},
) {
  return app.request('/api/v1/events', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * POSTs events as the extensions would have sent them on time: each
 * company-local week's events in a batch of its own, with the clock a second
 * after the batch's latest event (never later than it was), then put back.
 * Posted at the clock alone, events of a finished week would count on the
 * day they arrive. Answers the batches' responses, in week order.
 */
export async function postEventsOnTime(
  t: Pick<Awaited<ReturnType<typeof makeTestApp>>, 'app' | 'clock' | 'config' | 'storage'>,
  body: { events: UsageEvent[] },
  headers: Record<string, string> = {},
): Promise<Response[]> {
  const then = t.clock.now();
  const responses: Response[] = [];
  const timezone = await getCompanyTimezone(t.storage, t.config.timezone);
  try {
    for (const batch of onTimeBatches(body.events, timezone, then)) {
      t.clock.set(batch.now);
      responses.push(await postEvents(t.app, { events: batch.events }, headers));
    }
  } finally {
    t.clock.set(then);
  }
  return responses;
}
