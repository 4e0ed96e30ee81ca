import type { ValidationInput, ValidationPeriods } from '@customer-chair/shared/domain/plan-validation';
import { heldDepartmentInstalls } from '../caches/department-installs-cache';
import { statsCaches } from '../caches/stats-caches';
import type { Storage } from '../storage';
import { countDepartmentThanks } from './count-department-thanks';

/**
 * What one department's validation line is worked out from (planValidation):
 * its active installs in each period (the install activity held in memory,
 * each period counted once for all departments, then kept up to date with
 * the installs whose days changed: department-installs-cache), its
 * "I did this" in the two weeks (the daily counts held in memory; both at
 * most a second stale on PostgreSQL) and the thanks it received this month
 * (the `thanks` table, by its department index). Never the raw events.
 */
export async function getValidationInput(
  storage: Storage,
  department: string,
  periods: ValidationPeriods,
): Promise<Pick<ValidationInput, 'installs' | 'actions' | 'thanks'>> {
  const { thisWeek, lastWeek, thisMonth } = periods;
  const held = await statsCaches.read(storage, ({ dailyCounts, installActivity }) => {
    const installs = (range: { from: string; to: string }) => heldDepartmentInstalls(installActivity, range.from, range.to).get(department) ?? 0;
    const actions = (range: { from: string; to: string }) =>
      dailyCounts
        .sum(range)
        .filter((cell) => cell.department === department && cell.type === 'action_taken')
        .reduce((sum, cell) => sum + cell.count, 0);
    return {
      installs: { thisWeek: installs(thisWeek), lastWeek: installs(lastWeek), thisMonth: installs(thisMonth) },
      actions: { thisWeek: actions(thisWeek), lastWeek: actions(lastWeek) },
    };
  });
  return { ...held, thanks: { thisMonth: await countDepartmentThanks(storage, department, thisMonth.from, thisMonth.to) } };
}
