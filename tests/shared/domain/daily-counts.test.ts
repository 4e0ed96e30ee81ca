import { describe, expect, it } from 'vitest';
import { dailyCounts, type DailyCountRow } from '../../../shared/src/domain/daily-counts';

const row = (day: string, week: string, department: string, role: string, type: DailyCountRow['type'], count: number): DailyCountRow => ({
  day,
  week,
  department,
  role,
  type,
  count,
});

describe('DailyCounts', () => {
  const rows = [
    row('2026-11-08', '2026-11-02', 'sales', 'sales', 'action_taken', 2),
    row('2026-11-09', '2026-11-09', 'sales', 'sales', 'action_taken', 3),
    row('2026-11-09', '2026-11-09', 'sales', 'finance', 'action_taken', 1),
    row('2026-11-10', '2026-11-09', 'legal', 'legal', 'story_viewed', 4),
    row('2026-11-16', '2026-11-16', 'sales', 'sales', 'action_taken', 5),
  ];

  it('sums the days of a range per department, role and type, in that order', () => {
    expect(dailyCounts(rows).sum({ from: '2026-11-09', to: '2026-11-15' })).toEqual([
      { department: 'legal', role: 'legal', type: 'story_viewed', count: 4 },
      { department: 'sales', role: 'finance', type: 'action_taken', count: 1 },
      { department: 'sales', role: 'sales', type: 'action_taken', count: 3 },
    ]);
    expect(dailyCounts(rows).sum({ from: '2026-12-01', to: '2026-12-31' })).toEqual([]);
  });

  it('sums one whole week, Monday to Sunday, as the stats do week by week', () => {
    expect(dailyCounts(rows).sum({ from: '2026-11-02', to: '2026-11-08' })).toEqual([{ department: 'sales', role: 'sales', type: 'action_taken', count: 2 }]);
    expect(dailyCounts(rows).sum({ from: '2026-11-16', to: '2026-11-22' })).toEqual([{ department: 'sales', role: 'sales', type: 'action_taken', count: 5 }]);
  });

  it('adds to a cell already held, and takes cells it has not seen', () => {
    const counts = dailyCounts(rows);
    counts.sum({ from: '2026-11-01', to: '2026-11-30' });
    counts.add(row('2026-11-09', '2026-11-09', 'sales', 'sales', 'action_taken', 10));
    counts.add(row('2026-11-09', '2026-11-09', 'it', 'it', 'prompt_shown', 1));
    expect(counts.sum({ from: '2026-11-09', to: '2026-11-09' })).toEqual([
      { department: 'it', role: 'it', type: 'prompt_shown', count: 1 },
      { department: 'sales', role: 'finance', type: 'action_taken', count: 1 },
      { department: 'sales', role: 'sales', type: 'action_taken', count: 13 },
    ]);
  });

  it('sets a cell to a row read again, replacing what it held, and takes cells it has not seen', () => {
    const counts = dailyCounts(rows);
    counts.set(row('2026-11-09', '2026-11-09', 'sales', 'sales', 'action_taken', 7));
    counts.set(row('2026-11-09', '2026-11-09', 'sales', 'sales', 'action_taken', 8)); // read twice: still the stored count
    counts.set(row('2026-11-11', '2026-11-09', 'it', 'it', 'prompt_shown', 2));
    expect(counts.sum({ from: '2026-11-09', to: '2026-11-15' })).toEqual([
      { department: 'it', role: 'it', type: 'prompt_shown', count: 2 },
      { department: 'legal', role: 'legal', type: 'story_viewed', count: 4 },
      { department: 'sales', role: 'finance', type: 'action_taken', count: 1 },
      { department: 'sales', role: 'sales', type: 'action_taken', count: 8 },
    ]);
  });
});
