import type { Context } from 'hono';
import type { Clock } from '../clock';
import { tooMany, WindowCounter } from '../middleware/rate-limit';
import { clientAddress } from './client-address';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Addresses with a new-install window held at most; past it the oldest are forgotten (they start afresh). */
const MOST_ADDRESSES = 100_000;

/**
 * The ingest rate limit: events per install id per minute, plus a generous
 * cap per address, because a whole company's browsers may reach the server
 * through one NAT address and must not throttle each other. Only batches
 * that passed validation are counted (the install ids come from them).
 *
 * Also new install ids (never stored before, `isKnownInstall` says) per
 * address per 24 hours: the enrollment key is in every managed browser, so
 * anyone can invent installs; this makes a flood of them cost addresses and
 * days. Batches of known installs are never refused by it.
 * Kept in this process's memory, like every rate limit here: with several
 * instances behind a load balancer each counts what reaches it, so the
 * limits are per instance (approximate, as the README says).
 */
export function ingestBudget(options: {
  perInstall: number;
  perAddress: number;
  newInstallsPerAddress: number;
  isKnownInstall: (installId: string) => Promise<boolean>;
  clock: Clock;
}) {
  const installs = options.perInstall === 0 ? undefined : new WindowCounter(options.perInstall, MINUTE);
  const addresses = options.perInstall === 0 || options.perAddress === 0 ? undefined : new WindowCounter(options.perAddress, MINUTE);
  const newInstalls = options.newInstallsPerAddress === 0 ? undefined : new NewInstallCounter(options.newInstallsPerAddress);
  if (!installs && !newInstalls) return async () => undefined;

  /** Counts the batch, or answers 429 (nothing is counted then). */
  return async function takeIngestBudget(c: Context, events: readonly { installId: string }[]): Promise<Response | undefined> {
    const now = options.clock.now().getTime();
    const perInstall = new Map<string, number>();
    for (const e of events) {
      const id = e.installId.toLowerCase();
      perInstall.set(id, (perInstall.get(id) ?? 0) + 1);
    }
    const address = clientAddress(c);
    const overMinute = () => {
      const addressWait = addresses?.retryAfter(address, now);
      if (addressWait !== undefined) return tooMany(c, addressWait, 'Too many events from this network address; nothing was stored.');
      const installWait = installs ? Math.max(...[...perInstall.keys()].map((id) => installs.retryAfter(id, now) ?? 0)) : 0;
      if (installWait > 0) return tooMany(c, installWait, 'Too many events from this install; nothing was stored.');
      return undefined;
    };
    let refused = overMinute();
    if (refused) return refused;
    let fresh = 0;
    if (newInstalls) {
      // One primary-key lookup per distinct install of the batch (usually one), only for a batch the minute's limits let through.
      fresh = (await Promise.all([...perInstall.keys()].map((id) => options.isKnownInstall(id)))).filter((known) => !known).length;
      // Other batches may have taken budget while the lookups ran: checked again, then counted without a pause.
      refused = overMinute();
      if (refused) return refused;
    }
    const newWait = fresh ? newInstalls!.retryAfter(address, fresh, now) : undefined;
    if (newWait !== undefined) {
      return tooMany(c, newWait, 'Too many new installs from this network address in one day (NEW_INSTALLS_PER_ADDRESS_PER_DAY); nothing was stored.');
    }
    if (installs) for (const [id, count] of perInstall) installs.add(id, count, now);
    addresses?.add(address, events.length, now);
    if (fresh) newInstalls!.add(address, fresh, now);
    return undefined;
  };
}

/**
 * New installs per address in fixed 24-hour windows. Unlike WindowCounter, a
 * batch that would go over the limit is refused (a real extension brings one
 * new install per batch). Batches still waiting to be stored are counted
 * already, so an id in two of them counts twice: stricter, never looser.
 */
class NewInstallCounter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(readonly max: number) {}

  /** Seconds until `key` may bring `count` new installs, or undefined when it may now. */
  retryAfter(key: string, count: number, now: number): number | undefined {
    const window = this.windows.get(key);
    const used = !window || now - window.start >= DAY ? 0 : window.count;
    if (used + count <= this.max) return undefined;
    // More in one batch than a whole day allows: the next window would not take it either.
    const end = window && used ? window.start + DAY : now + DAY;
    return Math.max(1, Math.ceil((end - now) / 1000));
  }

  add(key: string, count: number, now: number): void {
    let window = this.windows.get(key);
    if (!window || now - window.start >= DAY) {
      this.windows.delete(key);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > MOST_ADDRESSES) this.forget(now);
    }
    window.count += count;
  }

  /** Memory stays bounded: ended windows go, then the oldest (insertion order is start order). */
  private forget(now: number) {
    for (const [key, window] of this.windows) if (now - window.start >= DAY) this.windows.delete(key);
    for (const key of this.windows.keys()) {
      if (this.windows.size <= MOST_ADDRESSES) break;
      this.windows.delete(key);
    }
  }
}
