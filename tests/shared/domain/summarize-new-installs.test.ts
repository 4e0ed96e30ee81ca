import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/src/domain/local-day';
import { newInstallsSince, summarizeNewInstalls } from '../../../shared/src/domain/summarize-new-installs';
import { NewInstallsSchema } from '../../../shared/src/schemas/new-installs';

// A Wednesday: the current week began on Monday 2026-11-23.
const TODAY = '2026-11-25';
const summarize = (days: { day: string; count: number }[], minGroupSize = 5) =>
  NewInstallsSchema.parse(summarizeNewInstalls({ days, today: TODAY, timezone: 'Europe/Paris', minGroupSize }));
/** `count` new installs in each of the 12 complete weeks before the current one (on their Tuesday). */
const steady = (count: number) => Array.from({ length: 12 }, (_, i) => ({ day: addDays('2026-08-31', 7 * i + 1), count }));

describe('summarizeNewInstalls', () => {
  it('needs counts from the Monday 12 weeks before the current week', () => {
    expect(newInstallsSince(TODAY)).toBe('2026-08-31');
    // Even on a Monday the last 7 days stay inside those 12 weeks.
    expect(newInstallsSince('2026-11-23')).toBe('2026-08-31');
    expect(newInstallsSince('2026-11-29')).toBe('2026-08-31');
  });

  it('sums whole weeks, oldest first, the current one so far, and the last 7 days', () => {
    const result = summarize([
      ...steady(10),
      { day: '2026-11-19', count: 6 }, // Thursday of last week: in the last 7 days
      { day: '2026-11-18', count: 100 }, // Wednesday of last week: not in them
      { day: '2026-11-23', count: 7 },
      { day: TODAY, count: 2 },
    ]);
    expect(result.weeks).toHaveLength(13);
    expect(result.weeks[0]).toEqual({ week: '2026-08-31', count: 10, complete: true });
    expect(result.weeks[11]).toEqual({ week: '2026-11-16', count: 116, complete: true });
    expect(result.weeks[12]).toEqual({ week: '2026-11-23', count: 9, complete: false });
    expect(result.lastSevenDays).toBe(15);
    expect(result).toMatchObject({ today: TODAY, timezone: 'Europe/Paris', minGroupSize: 5 });
  });

  it('withholds every count below the group size, zero included', () => {
    const result = summarize([{ day: '2026-11-03', count: 4 }, { day: '2026-11-10', count: 5 }, { day: TODAY, count: 1 }]);
    expect(result.weeks.map((w) => w.count)).toEqual([null, null, null, null, null, null, null, null, null, null, 5, null, null]);
    expect(result.lastSevenDays).toBeNull();
    expect(summarize([{ day: TODAY, count: 1 }], 1).lastSevenDays).toBe(1);
  });

  it('flags a wave: the last 7 days above 3 times the median complete week', () => {
    expect(summarize([...steady(10), { day: TODAY, count: 31 }]).wave).toBe(true);
    expect(summarize([...steady(10), { day: TODAY, count: 30 }]).wave).toBe(false);
    // One busy week does not move the median.
    expect(summarize([...steady(10), { day: '2026-10-06', count: 1000 }, { day: TODAY, count: 31 }]).wave).toBe(true);
  });

  it('judges a wave only against weeks since installs first appeared, and never on a withheld count', () => {
    // The rollout itself, with nothing before it: no usual week to compare with.
    expect(summarize([{ day: TODAY, count: 500 }]).wave).toBe(false);
    // Two weeks of use; the weeks before the server was in use do not pull the median to 0.
    const twoWeeks = [{ day: '2026-11-10', count: 200 }, { day: '2026-11-17', count: 200 }];
    expect(summarize([...twoWeeks, { day: TODAY, count: 300 }]).wave).toBe(false);
    expect(summarize([...twoWeeks, { day: TODAY, count: 700 }]).wave).toBe(true);
    // Quiet weeks, then 4 new installs: above 3 × 0, but fewer than 5, so not said.
    expect(summarize([{ day: '2026-09-01', count: 5 }, { day: TODAY, count: 4 }]).wave).toBe(false);
    expect(summarize([{ day: '2026-09-01', count: 5 }, { day: TODAY, count: 5 }]).wave).toBe(true);
  });
});
