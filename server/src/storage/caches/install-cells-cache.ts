import { installActivity, type ActivityRow, type InstallActivity } from '@customer-chair/shared/domain/install-activity';
import type { Surface } from '@customer-chair/shared/schemas/usage-event';
import type { Database } from 'better-sqlite3';
import { connectionCache } from './connection-cache';

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
const cache = connectionCache((db) =>
  installActivity(db.prepare('SELECT year, install_id AS installId, department, cell AS role, days FROM install_cells').all() as ActivityRow[]),
);

export function cachedInstallCells(db: Database): InstallActivity {
  return cache.get(db);
}

/** Adds the days a committed batch marked (the same rows and bits it merged into the table). */
export function noteInstallCells(db: Database, marked: Iterable<ActivityRow>): void {
  cache.update(db, (cells) => {
    for (const row of marked) cells.mark(row);
  });
}
