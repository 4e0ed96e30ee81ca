import { describe, expect, it } from 'vitest';
import { buildListeningStats, type ThanksCell, type VoiceCell } from '../../../shared/src/domain/build-listening-stats';
import { planStats, type StatsInput, type WeekFigures } from '../../../shared/src/domain/build-stats';

/** A week in which each department had `sizes[department]` distinct installs (ids never shared between departments). */
function week(monday: string, sizes: Record<string, number>): WeekFigures {
  const members = Object.entries(sizes).flatMap(([department, n]) => Array.from({ length: n }, (_, i) => ({ install: `${department}-${i}`, department })));
  const sizeOf = new Map(Object.entries(sizes));
  return {
    week: monday,
    installs: members.length,
    departments: { sizes: sizeOf, unionSize: (groups) => members.filter((m) => groups.includes(m.department)).length },
    roles: () => ({ sizes: new Map(), unionSize: () => 0 }),
    counts: [],
  };
}

const input = (weeks: WeekFigures[], minGroupSize = 5): StatsInput => ({ requested: { from: '2026-11-02', to: '2026-11-15' }, timezone: 'UTC', minGroupSize, weeks });
const build = (stats: StatsInput, thanks: ThanksCell[], voice: VoiceCell[] = []) => buildListeningStats(stats, planStats(stats), { thanks, voice });
const zero = { thanksReceived: 0, customerSaid: 0, ideas: 0, lessons: 0 };

describe('buildListeningStats', () => {
  it('is empty, not missing, when no week has finished: the request is echoed as the span', () => {
    expect(build(input([]), [{ department: 'sales', day: '2026-11-03', count: 4 }])).toEqual({
      from: '2026-11-02',
      to: '2026-11-15',
      weeks: 0,
      minGroupSize: 5,
      total: zero,
      departments: [],
      other: null,
    });
  });

  it('counts thanks and each kind of message by department over the whole weeks, nothing folded: other is null', () => {
    const stats = input([week('2026-11-02', { sales: 5, legal: 6 }), week('2026-11-09', { sales: 7, legal: 5 })]);
    const answer = build(
      stats,
      [
        { department: 'sales', day: '2026-11-02', count: 3 },
        { department: 'sales', day: '2026-11-15', count: 2 },
        { department: 'legal', day: '2026-11-10', count: 1 },
        // Outside the weeks: not counted.
        { department: 'sales', day: '2026-11-16', count: 100 },
        { department: 'sales', day: '2026-11-01', count: 100 },
      ],
      [
        { department: 'sales', day: '2026-11-04', kind: 'customer_said', count: 2 },
        { department: 'legal', day: '2026-11-04', kind: 'idea', count: 1 },
        { department: 'legal', day: '2026-11-12', kind: 'lesson', count: 4 },
      ],
    );
    expect(answer).toEqual({
      from: '2026-11-02',
      to: '2026-11-15',
      weeks: 2,
      minGroupSize: 5,
      total: { thanksReceived: 6, customerSaid: 2, ideas: 1, lessons: 4 },
      departments: [
        { department: 'legal', thanksReceived: 1, customerSaid: 0, ideas: 1, lessons: 4 },
        { department: 'sales', thanksReceived: 5, customerSaid: 2, ideas: 0, lessons: 0 },
      ],
      other: null,
    });
  });

  it('names only what the adoption plan names: a department of k-1 installs is folded, never named, and other is total minus named', () => {
    // k = 5: it 4 (k-1) and hr 5 (k): it alone would be one department's figure, so hr is folded with it; sales 6 (k+1) is named.
    const stats = input([week('2026-11-02', { sales: 6, it: 4, hr: 5 })]);
    const answer = build(
      stats,
      [
        { department: 'sales', day: '2026-11-03', count: 5 },
        { department: 'it', day: '2026-11-03', count: 2 },
        { department: 'hr', day: '2026-11-04', count: 1 },
      ],
      [{ department: 'it', day: '2026-11-05', kind: 'idea', count: 1 }],
    );
    expect(answer.departments.map((d) => d.department)).toEqual(['sales']);
    expect(answer.other).toEqual({ thanksReceived: 3, customerSaid: 0, ideas: 1, lessons: 0, departments: 2 });
    expect(answer.total).toEqual({ thanksReceived: 8, customerSaid: 0, ideas: 1, lessons: 0 });
    expect(JSON.stringify(answer)).not.toMatch(/"(it|hr)"/);
  });

  it('at k, k+1 a department is named; at k-1 it is folded (with another, or the week is withheld)', () => {
    for (const [size, named] of [[4, false], [5, true], [6, true]] as const) {
      const answer = build(input([week('2026-11-02', { sales: 9, it: size, hr: 3, ops: 3 })]), [{ department: 'it', day: '2026-11-03', count: 1 }]);
      expect(answer.departments.some((d) => d.department === 'it'), `it with ${size}`).toBe(named);
      expect(answer.total.thanksReceived).toBe(1);
      expect(answer.other?.thanksReceived).toBe(named ? 0 : 1);
    }
  });

  it('leaves out withheld weeks (the whole company too small), as the adoption stats do', () => {
    const stats = input([week('2026-11-02', { sales: 3 }), week('2026-11-09', { sales: 5 })]);
    const answer = build(stats, [
      { department: 'sales', day: '2026-11-03', count: 7 },
      { department: 'sales', day: '2026-11-10', count: 2 },
    ]);
    expect(answer.weeks).toBe(2);
    expect(answer.total.thanksReceived).toBe(2);
    // Folded in the withheld week's plan? No: a withheld week names nobody and is left out, so sales is named over the kept one.
    expect(answer.departments).toEqual([{ department: 'sales', thanksReceived: 2, customerSaid: 0, ideas: 0, lessons: 0 }]);
  });

  it('counts a department the plan does not know (thanked, but no install active there) only in other', () => {
    const answer = build(input([week('2026-11-02', { sales: 5, legal: 5 })]), [{ department: 'safety', day: '2026-11-03', count: 4 }], [
      { department: 'sales', day: '2026-11-03', kind: 'lesson', count: 1 },
    ]);
    expect(answer.departments.map((d) => d.department)).toEqual(['legal', 'sales']);
    expect(answer.other).toEqual({ thanksReceived: 4, customerSaid: 0, ideas: 0, lessons: 0, departments: 1 });
    expect(JSON.stringify(answer)).not.toContain('safety');
  });
});
