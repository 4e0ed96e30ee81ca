import { InstallActivity, type ActivityRow } from '@customer-chair/shared/domain/install-activity';
import type { Surface } from '@customer-chair/shared/schemas/usage-event';
import type { Database } from 'better-sqlite3';
import type { Queries } from '../storage';
import { cachedTable } from './cached-table';

/** The `install_cells` key of a surface… */
export const surfaceCell = (surface: Surface): string => `surface:${surface}`;
/** …and of an action logged under a role. */
export const actionCell = (role: string, actionId: string): string => `action:${role}:${actionId}`;

/**
 * Every `install_cells` row, held in memory once read, laid out like
 * install activity (the cell in the role's place): which installs used each
 * surface and logged each action, per department and day. Kept up to date
 * the same way as the install activity (see activity-cache).
 */
export const installCellsTable = cachedTable<InstallActivity, ActivityRow>({
  table: 'install_cells',
  columns: 'year, install_id AS "installId", department, cell AS role, days',
  empty: () => new InstallActivity(),
  add: (cells, row) => cells.mark(row),
  replace: (cells, row) => cells.replace(row),
});

/** SQLite: the value held for this connection (what the stats read, on either engine, is statsCaches'). */
export function cachedInstallCells(db: Database): InstallActivity {
  return installCellsTable.onConnection(db);
}

/** Adds the days a committed batch marked (the same rows and bits it merged into the table; see CachedTable's `note`). */
export function noteInstallCells(on: Database | Queries, marked: Iterable<ActivityRow>): void {
  installCellsTable.note(on, marked);
}
