import {
  departmentsToFold,
  weeklyDepartmentsToFold,
  type CountCell,
  type InstallCount,
  type RoleInstallCount,
  type StatsInput,
  type WeeklyCountCell,
  type WeeklyInstallCount,
} from '@customer-chair/shared/domain/build-stats';
import type { Database } from 'better-sqlite3';
import { statement } from '../db/statement';

const RANGE = 'day BETWEEN @from AND @to';

/**
 * Reads everything the stats answer needs from the roll-up tables only
 * (never the raw events), in one read transaction so the figures agree.
 */
export function getStatsInput(
  db: Database,
  range: { from: string; to: string },
  options: { timezone: string; minGroupSize: number },
): StatsInput {
  return db.transaction((): StatsInput => {
    const counts = statement(
      db,
      `SELECT department, role, type, SUM(count) AS count FROM daily_counts WHERE ${RANGE} GROUP BY department, role, type`,
    ).all(range) as CountCell[];
    const departmentInstalls = statement(
      db,
      `SELECT department, COUNT(DISTINCT install_id) AS installs FROM install_days WHERE ${RANGE} GROUP BY department`,
    ).all(range) as InstallCount[];
    const roleInstalls = statement(
      db,
      `SELECT department, role, COUNT(DISTINCT install_id) AS installs FROM install_days WHERE ${RANGE} GROUP BY department, role`,
    ).all(range) as RoleInstallCount[];
    const totalInstalls = (
      statement(db, `SELECT COUNT(DISTINCT install_id) AS n FROM install_days WHERE ${RANGE}`).get(range) as { n: number }
    ).n;
    const folded = departmentsToFold(departmentInstalls, options.minGroupSize);
    const foldedRange = { ...range, folded: JSON.stringify(folded) };
    const otherInstalls = folded.length
      ? (
          statement(
            db,
            `SELECT COUNT(DISTINCT install_id) AS n FROM install_days
             WHERE ${RANGE} AND department IN (SELECT value FROM json_each(@folded))`,
          ).get(foldedRange) as { n: number }
        ).n
      : 0;
    const otherRoleInstalls = folded.length
      ? (statement(
          db,
          `SELECT role, COUNT(DISTINCT install_id) AS installs FROM install_days
           WHERE ${RANGE} AND department IN (SELECT value FROM json_each(@folded)) GROUP BY role`,
        ).all(foldedRange) as { role: string; installs: number }[])
      : [];

    const weeklyCounts = statement(
      db,
      `SELECT week, department, type, SUM(count) AS count FROM daily_counts WHERE ${RANGE} GROUP BY week, department, type`,
    ).all(range) as WeeklyCountCell[];
    const weeklyInstalls = statement(
      db,
      `SELECT week, department, COUNT(DISTINCT install_id) AS installs FROM install_days WHERE ${RANGE} GROUP BY week, department`,
    ).all(range) as WeeklyInstallCount[];
    const weeklyFolded = weeklyDepartmentsToFold(weeklyInstalls, options.minGroupSize);
    const weeklyOtherInstalls = weeklyFolded.length
      ? (statement(
          db,
          `SELECT week, COUNT(DISTINCT install_id) AS installs FROM install_days
           WHERE ${RANGE} AND week || '|' || department IN (SELECT value FROM json_each(@folded))
           GROUP BY week`,
        ).all({ ...range, folded: JSON.stringify(weeklyFolded) }) as { week: string; installs: number }[])
      : [];

    return {
      ...range,
      ...options,
      counts,
      departmentInstalls,
      roleInstalls,
      totalInstalls,
      otherInstalls,
      otherRoleInstalls,
      weeklyCounts,
      weeklyInstalls,
      weeklyOtherInstalls,
    };
  })();
}
