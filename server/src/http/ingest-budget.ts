import type { Context } from 'hono';
import type { Clock } from '../clock';
import { tooMany, WindowCounter } from '../middleware/rate-limit';
import { clientAddress } from './client-address';

const MINUTE = 60_000;

/**
 * The ingest rate limit: events per install id per minute, plus a generous
 * cap per address, because a whole company's browsers may reach the server
 * through one NAT address and must not throttle each other. Only batches
 * that passed validation are counted (the install ids come from them).
 */
export function ingestBudget(options: { perInstall: number; perAddress: number; clock: Clock }) {
  if (options.perInstall === 0) return () => undefined;
  const installs = new WindowCounter(options.perInstall, MINUTE);
  const addresses = options.perAddress === 0 ? undefined : new WindowCounter(options.perAddress, MINUTE);

  /** Counts the batch, or answers 429 (nothing is counted then). */
  return function takeIngestBudget(c: Context, events: readonly { installId: string }[]): Response | undefined {
    const now = options.clock.now().getTime();
    const perInstall = new Map<string, number>();
    for (const e of events) {
      const id = e.installId.toLowerCase();
      perInstall.set(id, (perInstall.get(id) ?? 0) + 1);
    }
    const address = clientAddress(c);
    const addressWait = addresses?.retryAfter(address, now);
    if (addressWait !== undefined) return tooMany(c, addressWait, 'Too many events from this network address; nothing was stored.');
    const installWait = Math.max(...[...perInstall.keys()].map((id) => installs.retryAfter(id, now) ?? 0));
    if (installWait > 0) return tooMany(c, installWait, 'Too many events from this install; nothing was stored.');
    for (const [id, count] of perInstall) installs.add(id, count, now);
    addresses?.add(address, events.length, now);
    return undefined;
  };
}
