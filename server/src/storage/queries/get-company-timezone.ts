import type { Database } from 'better-sqlite3';
import { getSettings } from './get-settings';

/** The company's time zone: the one set in the dashboard, else the server's TIMEZONE. */
export function getCompanyTimezone(db: Database, configured: string): string {
  return getSettings(db).timezone ?? configured;
}
