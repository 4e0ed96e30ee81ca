/** Time comes in through this, so tests can pin "today". */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at `instant`; `set` moves it. */
export function fixedClock(instant: string | Date): Clock & { set(next: string | Date): void } {
  let current = new Date(instant);
  return {
    now: () => new Date(current),
    set(next) {
      current = new Date(next);
    },
  };
}
