import type { Counters, Stats } from '../schemas/stats';

export type StatsCsvView = 'departments' | 'weekly';

const COUNTER_COLUMNS = [
  'activeInstalls',
  'storyViews',
  'promptsShown',
  'promptsInserted',
  'storiesInserted',
  'storiesShared',
  'actionsTaken',
] as const satisfies readonly (keyof Counters)[];

export const OTHER_LABEL = 'Other (small groups)';
export const TOTAL_LABEL = 'All departments';

/** The stats as CSV (RFC 4180, CRLF line ends): the same rows the JSON has. */
export function statsToCsv(stats: Stats, view: StatsCsvView = 'departments'): string {
  const lines: unknown[][] = [];
  if (view === 'weekly') {
    lines.push(['week', 'department', ...COUNTER_COLUMNS]);
    for (const row of stats.weekly) lines.push([row.week, row.department ?? OTHER_LABEL, ...counters(row)]);
  } else {
    // A range's install figure is the average per week (see CountersSchema), and says so.
    lines.push(['department', 'weeklyActiveInstalls', ...COUNTER_COLUMNS.slice(1), 'actionsByRole']);
    lines.push([TOTAL_LABEL, ...counters(stats.total), '']);
    for (const row of stats.departments) lines.push([row.department, ...counters(row), byRole(row.actionsByRole)]);
    if (stats.other) lines.push([OTHER_LABEL, ...counters(stats.other), '']);
  }
  return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function counters(row: Counters): number[] {
  return COUNTER_COLUMNS.map((column) => row[column]);
}

function byRole(actionsByRole: Record<string, number>): string {
  return Object.entries(actionsByRole)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([role, n]) => `${role}=${n}`)
    .join('; ');
}

function csvCell(value: unknown): string {
  let text = String(value);
  // A spreadsheet would run a cell starting with one of these as a formula.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
