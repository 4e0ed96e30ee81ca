import { describe, expect, it } from 'vitest';
import { buildStats, type StatsInput } from '../../../../shared/src/domain/build-stats';
import { statsWeeks } from '../../../../shared/src/domain/stats-weeks';
import type { UsageEvent } from '../../../../shared/src/schemas/usage-event';
import { getStatsInput } from '../../../../server/src/storage/queries/get-stats-input';
import { makeEvent, uuidv7 } from '../../../support/make-event';
import { insertEventsOnTime } from '../../../support/on-time';
import { openSameDatabase } from '../../../support/same-database';
import { openTestStorage } from '../../../support/test-storage';

// A Wednesday: every week of November has finished but the one of Monday 11-30.
const NOW = new Date('2026-12-02T12:00:00Z');
const OPTIONS = { timezone: 'UTC', minGroupSize: 4 };
const RANGES = [
  { from: '2026-10-25', to: '2026-11-23' },
  { from: '2026-11-10', to: '2026-11-12' },
  { from: '2026-11-01', to: '2026-12-02' },
].map((requested) => ({ requested, weeks: statsWeeks(requested, '2026-12-02') }));

/** What a stats input holds, as plain data: the weeks' groups come as functions. */
function plain(input: StatsInput) {
  return input.weeks.map((w) => {
    const departments = [...w.departments.sizes.keys()].sort();
    return {
      week: w.week,
      installs: w.installs,
      departments: Object.fromEntries(w.departments.sizes),
      all: w.departments.unionSize(departments),
      roles: Object.fromEntries(departments.map((d) => [d, Object.fromEntries(w.roles(d).sizes)])),
      counts: w.counts,
    };
  });
}

describe('getStatsInput', () => {
  it('gives one entry per whole week asked for, with its installs and counts', async () => {
    const db = await openTestStorage();
    const [a, b] = [uuidv7(), uuidv7()];
    await insertEventsOnTime(
      db,
      [
        makeEvent({ installId: a, at: '2026-11-09T09:00:00.000Z' }), // Monday
        makeEvent({ installId: a, at: '2026-11-15T09:00:00.000Z', department: 'sales', role: 'sales', actionId: 'sales-call' }), // Sunday, moved
        makeEvent({ installId: b, at: '2026-11-16T09:00:00.000Z', type: 'story_viewed' }), // the next Monday
      ],
      'UTC',
      NOW,
    );
    const input = await getStatsInput(db, { requested: { from: '2026-11-10', to: '2026-11-10' }, weeks: ['2026-11-09', '2026-11-16'] }, OPTIONS);
    expect(input).toMatchObject({ requested: { from: '2026-11-10', to: '2026-11-10' }, ...OPTIONS });
    expect(plain(input)).toEqual([
      {
        // a moved on Sunday: it counts in sales only, where it was last active that week;
        // its Monday event still counts in engineering, which has no install counted there.
        week: '2026-11-09',
        installs: 1,
        departments: { sales: 1 },
        all: 1,
        roles: { sales: { sales: 1 } },
        counts: [
          { department: 'engineering', role: 'engineering', type: 'action_taken', count: 1 },
          { department: 'sales', role: 'sales', type: 'action_taken', count: 1 },
        ],
      },
      {
        week: '2026-11-16',
        installs: 1,
        departments: { engineering: 1 },
        all: 1,
        roles: { engineering: { engineering: 1 } },
        counts: [{ department: 'engineering', role: 'engineering', type: 'story_viewed', count: 1 }],
      },
    ]);
    expect((await getStatsInput(db, { requested: { from: '2026-11-10', to: '2026-11-10' }, weeks: [] }, OPTIONS)).weeks).toEqual([]);
  });

  it('answers from memory kept up to date by ingest as from a fresh read of the tables', async () => {
    const { storage: db, another, close } = await openSameDatabase();
    try {
      const departments = ['sales', 'legal', 'it', 'finance'];
      const installs = Array.from({ length: 30 }, (_, i) => ({ id: uuidv7(), department: departments[i % 4]!, role: departments[(i >> 2) % 4]! }));
      const types = ['story_viewed', 'action_taken', 'prompt_shown'] as const;
      for (let batch = 0; batch < 20; batch++) {
        // Read between batches, so every later batch updates what is held.
        for (const range of RANGES) await getStatsInput(db, range, OPTIONS);
        const events: UsageEvent[] = installs.slice(batch % 7, (batch % 7) + 12).map((install, i) => {
          if (batch === 10 && i < 3) install.department = 'safety'; // some move to a small department
          const day = `2026-11-${String(1 + ((batch * 7 + i) % 23)).padStart(2, '0')}`;
          return makeEvent({ installId: install.id, department: install.department, role: install.role, type: types[i % 3]!, at: `${day}T09:00:00.000Z` });
        });
        await insertEventsOnTime(db, events, 'UTC', NOW);
      }
      // Another connection (on PostgreSQL, another instance) reads the tables afresh.
      const fresh = await another();
      for (const range of RANGES) {
        expect(plain(await getStatsInput(db, range, OPTIONS)), range.requested.to).toEqual(plain(await getStatsInput(fresh, range, OPTIONS)));
        const stats = buildStats(await getStatsInput(db, range, OPTIONS));
        expect(stats).toEqual(buildStats(await getStatsInput(fresh, range, OPTIONS)));
        // safety never has k installs: never named, and never "other" on its own.
        expect(stats.departments.map((d) => d.department)).not.toContain('safety');
        if (stats.other) expect(stats.other.departments).toBeGreaterThanOrEqual(2);
      }
      // The three that moved to safety were active in their old departments later in the week of
      // 11-16 (one of them on the same last day, 11-22: "finance" comes before "safety"), so
      // safety's events that week come with no install counted in it (it is folded, above).
      // In the week of 11-23 one of them was last active in safety.
      const weeks = plain(await getStatsInput(db, RANGES[0]!, OPTIONS));
      const week16 = weeks.find((w) => w.week === '2026-11-16')!;
      expect(week16.departments.safety).toBeUndefined();
      expect(week16.counts.filter((c) => c.department === 'safety').reduce((n, c) => n + c.count, 0)).toBe(6);
      expect(weeks.find((w) => w.week === '2026-11-23')?.departments.safety).toBe(1);
      // Movers count once: every week's departments add up to its installs.
      for (const w of weeks) expect(Object.values(w.departments).reduce((a, b) => a + b, 0), w.week).toBe(w.installs);
    } finally {
      await close();
    }
  });
});
