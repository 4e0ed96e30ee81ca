import { localDay, startOfLocalDay } from '@customer-chair/shared/domain/local-day';
import type { AppDeps } from '../deps';
import { announceDueWinners } from '../storage/queries/announce-due-winners';
import { getCompanyTimezone } from '../storage/queries/get-company-timezone';
import { listUnannouncedRounds } from '../storage/queries/list-unannounced-rounds';
import type { Queries } from '../storage/storage';

/**
 * How long what was read about the next announcement is trusted. Another
 * instance may publish a round meanwhile (or the time zone may change):
 * that is seen within this long, and main.ts's timer catches it anyway.
 */
const RECHECK_MS = 60_000;

/** Per storage: when (ms) the next announcement day begins, company-local; when to read it again; when it was read. */
type Watch = { dueAt: number; checkAt: number; checkedAt: number };
const watches = new WeakMap<Queries, Watch>();
const running = new WeakMap<Queries, Promise<void>>();

/**
 * Whether a content request must first see that due winners are announced
 * (announceWhenDue): in memory, no database, a few comparisons — the
 * unchanged-sync shortcut asks it on every sync. True when nothing was read
 * yet, from the instant the next announcement day begins, and once what
 * was read is older than RECHECK_MS (or the clock went back).
 */
export function announcementMayBeDue(storage: Queries, nowMs: number): boolean {
  const watch = watches.get(storage);
  return !watch || nowMs >= watch.dueAt || nowMs >= watch.checkAt || nowMs < watch.checkedAt;
}

/** Publishing changed the rounds: the next content request reads them again. */
export function forgetAnnouncementWatch(storage: Queries): void {
  watches.delete(storage);
}

/**
 * The content's lazy check, so that the winners' stories are in the bundle
 * from the first sync of their announcement day rather than at the next
 * run of main.ts's timer: when announcementMayBeDue, reads the published
 * rounds still waiting for their stories (one query), announces the due
 * ones (announceDueWinners, idempotent: instances doing it at once make
 * each story once) and remembers when the next day begins. Concurrent
 * requests share one check. A failure is logged and leaves the content as
 * it is (the timer tries again).
 */
export async function announceWhenDue({ storage, clock, config }: Pick<AppDeps, 'storage' | 'clock' | 'config'>): Promise<void> {
  if (!announcementMayBeDue(storage, clock.now().getTime())) return;
  const pending = running.get(storage);
  if (pending) return pending;
  const check = (async () => {
    const now = clock.now();
    try {
      const timezone = await getCompanyTimezone(storage, config.timezone);
      const today = localDay(now, timezone);
      const rounds = await listUnannouncedRounds(storage);
      if (rounds.some((round) => round.announceOn <= today)) await announceDueWinners(storage, today, { now });
      const next = rounds.find((round) => round.announceOn > today)?.announceOn;
      watches.set(storage, { dueAt: next === undefined ? Infinity : startOfLocalDay(next, timezone), checkAt: now.getTime() + RECHECK_MS, checkedAt: now.getTime() });
    } catch (error) {
      console.error(`Announcing due recognition winners failed (tried again later): ${(error as Error).message}`);
      watches.set(storage, { dueAt: Infinity, checkAt: now.getTime() + RECHECK_MS, checkedAt: now.getTime() });
    } finally {
      running.delete(storage);
    }
  })();
  running.set(storage, check);
  return check;
}
