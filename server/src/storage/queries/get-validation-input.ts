import { countActiveInstalls } from '@customer-chair/shared/domain/count-active-installs';
import type { ValidationInput, ValidationPeriods } from '@customer-chair/shared/domain/plan-validation';
import { statsCaches } from '../caches/stats-caches';
import type { Storage } from '../storage';
import { countDepartmentThanks } from './count-department-thanks';

/**
 * What one department's validation line is worked out from (planValidation),
 * all as of one commit: its active installs in each period (install activity
 * held in memory), its "I did this" in the two weeks (daily counts held in
 * memory) and the thanks it received this month (the `thanks` table). Never
 * the raw events.
 */
export async function getValidationInput(
  storage: Storage,
  department: string,
  periods: ValidationPeriods,
): Promise<Pick<ValidationInput, 'installs' | 'actions' | 'thanks'>> {
  const { thisWeek, lastWeek, thisMonth } = periods;
  return statsCaches.readWith(
    storage,
    (q) => countDepartmentThanks(q, department, thisMonth.from, thisMonth.to),
    ({ dailyCounts, installActivity }, thanks) => {
      const installs = (range: { from: string; to: string }) => countActiveInstalls(installActivity, range.from, range.to).get(department) ?? 0;
      const actions = (range: { from: string; to: string }) =>
        dailyCounts
          .sum(range)
          .filter((cell) => cell.department === department && cell.type === 'action_taken')
          .reduce((sum, cell) => sum + cell.count, 0);
      return {
        installs: { thisWeek: installs(thisWeek), lastWeek: installs(lastWeek), thisMonth: installs(thisMonth) },
        actions: { thisWeek: actions(thisWeek), lastWeek: actions(lastWeek) },
        thanks: { thisMonth: thanks },
      };
    },
  );
}
