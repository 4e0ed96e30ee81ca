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
import { weekStart } from '@customer-chair/shared/domain/local-day';
import type { Database } from 'better-sqlite3';
import { statement } from '../db/statement';
import { installActivitySource } from './install-activity-source';

/**
 * Reads everything the stats answer needs from the roll-up tables only
 * (never the raw events), in one read transaction so the figures agree.
 * Weekly rows cover the whole weeks (Monday to Sunday) that the range touches.
 */
export function getStatsInput(
  db: Database,
  range: { from: string; to: string },
  options: { timezone: string; minGroupSize: number },
): StatsInput {
  return db.transaction((): StatsInput => {
    const { table, where } = installActivitySource(db, range);
    const counts = statement(
      db,
      'SELECT department, role, type, SUM(count) AS count FROM daily_counts WHERE day BETWEEN @from AND @to GROUP BY department, role, type',
    ).all(range) as CountCell[];
    const departmentInstalls = statement(
      db,
      `SELECT department, COUNT(DISTINCT install_id) AS installs FROM ${table} WHERE ${where} GROUP BY department`,
    ).all(range) as InstallCount[];
    const roleInstalls = statement(
      db,
      `SELECT department, role, COUNT(DISTINCT install_id) AS installs FROM ${table} WHERE ${where} GROUP BY department, role`,
    ).all(range) as RoleInstallCount[];
    const totalInstalls = (statement(db, `SELECT COUNT(DISTINCT install_id) AS n FROM ${table} WHERE ${where}`).get(range) as { n: number }).n;

    const folded = departmentsToFold(departmentInstalls, options.minGroupSize);
    const foldedRange = { ...range, folded: JSON.stringify(folded) };
    const inFolded = 'department IN (SELECT value FROM json_each(@folded))';
    const otherInstalls = folded.length
      ? (statement(db, `SELECT COUNT(DISTINCT install_id) AS n FROM ${table} WHERE ${where} AND ${inFolded}`).get(foldedRange) as { n: number }).n
      : 0;
    const otherRoleInstalls = folded.length
      ? (statement(
          db,
          `SELECT role, COUNT(DISTINCT install_id) AS installs FROM ${table} WHERE ${where} AND ${inFolded} GROUP BY role`,
        ).all(foldedRange) as { role: string; installs: number }[])
      : [];

    const weeks = { from: weekStart(range.from), to: weekStart(range.to) };
    const weeklyCounts = statement(
      db,
      'SELECT week, department, type, SUM(count) AS count FROM daily_counts WHERE week BETWEEN @from AND @to GROUP BY week, department, type',
    ).all(weeks) as WeeklyCountCell[];
    const weeklyInstalls = statement(
      db,
      'SELECT week, department, COUNT(*) AS installs FROM install_weeks WHERE week BETWEEN @from AND @to GROUP BY week, department',
    ).all(weeks) as WeeklyInstallCount[];
    const weeklyFolded = weeklyDepartmentsToFold(weeklyInstalls, options.minGroupSize);
    const weeklyOtherInstalls = weeklyFolded.length
      ? (statement(
          db,
          `SELECT week, COUNT(DISTINCT install_id) AS installs FROM install_weeks
           WHERE week BETWEEN @from AND @to AND week || '|' || department IN (SELECT value FROM json_each(@folded))
           GROUP BY week`,
        ).all({ ...weeks, folded: JSON.stringify(weeklyFolded) }) as { week: string; installs: number }[])
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
