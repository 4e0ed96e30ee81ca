import { describe, expect, it } from 'vitest';
import { installActivity, type ActivityRow } from '../../../../shared/src/domain/install-activity';
import { DAY_BITS_BYTES, dayOfYear, setDayBit } from '../../../../shared/src/domain/set-day-bit';
import { weekInstallGroups, type WeekInstallGroups } from '../../../../shared/src/domain/week-install-groups';
import { heldWeekInstallGroups } from '../../../../server/src/storage/caches/week-groups-cache';
import { seededRandom } from '../../../support/seeded-random';

function row(installId: string, department: string, role: string, day: string): ActivityRow {
  return { installId, department, role, year: Number(day.slice(0, 4)), days: setDayBit(new Uint8Array(DAY_BITS_BYTES), dayOfYear(day)) };
}

/** What a week's groups answer: totals, every group's size, and the unions the disclosure rule may ask for. */
function answers(groups: WeekInstallGroups, departments: string[], roles: string[]) {
  return {
    installs: groups.installs,
    departments: [...groups.departments.sizes].sort(),
    union: groups.departments.unionSize(departments),
    roles: departments.map((d) => [[...groups.within(d).sizes].sort(), groups.within(d).unionSize(roles)]),
  };
}

const WEEK = '2026-11-09';

describe('heldWeekInstallGroups', () => {
  it('counts a week once while its days do not change, and again once one does', () => {
    const activity = installActivity([row('a', 'sales', 'sales', '2026-11-10'), row('b', 'it', 'it', '2026-11-11')]);
    const first = heldWeekInstallGroups(activity, WEEK);
    expect(first.installs).toBe(2);
    // Later weeks, new installs there, an install moving there: the same answer, not counted again.
    activity.mark(row('c', 'legal', 'legal', '2026-11-17'));
    activity.mark(row('a', 'legal', 'legal', '2026-11-18'));
    expect(heldWeekInstallGroups(activity, WEEK)).toBe(first);
    expect(answers(first, ['sales', 'it', 'legal'], ['sales', 'it'])).toEqual(answers(weekInstallGroups(activity, WEEK), ['sales', 'it', 'legal'], ['sales', 'it']));
    // A day of the week marked (a late batch in a test, or the week under way): counted again.
    activity.mark(row('d', 'legal', 'legal', '2026-11-15'));
    const again = heldWeekInstallGroups(activity, WEEK);
    expect(again).not.toBe(first);
    expect(again.installs).toBe(3);
    // Another activity (one read again whole) has its own.
    expect(heldWeekInstallGroups(installActivity(activity.rows()), WEEK)).not.toBe(again);
  });

  it('answers as a fresh count would, whatever is marked in between', () => {
    const random = seededRandom(16);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const departments = ['sales', 'it', 'legal'];
    const roles = ['sales', 'it', 'legal', 'finance'];
    const weeks = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'];
    const activity = installActivity();
    for (let step = 0; step < 300; step++) {
      const week = pick(weeks);
      activity.mark(row(`i${Math.floor(random() * 40)}`, pick(departments), pick(roles), `2026-11-${String(2 + Math.floor(random() * 28)).padStart(2, '0')}`));
      expect(answers(heldWeekInstallGroups(activity, week), departments, roles), `step ${step}`).toEqual(answers(weekInstallGroups(activity, week), departments, roles));
    }
  });
});
