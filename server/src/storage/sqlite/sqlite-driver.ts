import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

const require = createRequire(import.meta.url);

/**
 * The SQLite driver for this Node: better-sqlite3 13 (the dependency
 * `better-sqlite3-napi`, prebuilt on Node-API 10) where Node has Node-API
 * 10 (22.14 and later, 24); else better-sqlite3 12, compiled at install
 * (Node 20, which never got Node-API 10). The two share one API.
 *
 * Why not 12 everywhere: from Node 24.19, 12's statements abort the
 * process ("Assertion failed: (env) != nullptr" in
 * RemoveEnvironmentCleanupHook) when the garbage collector frees them
 * outside JavaScript, at any time after a write. Why not 13 everywhere: it
 * cannot load on Node 20. A platform 13 has no prebuilt binary for falls
 * back to 12 as well.
 */
const driver = pickDriver();
export const SqliteDatabase: typeof BetterSqlite3 = driver.Database;
export type SqliteDatabase = BetterSqlite3.Database;
/** "better-sqlite3 13.2.0": which driver is in use. */
export const SQLITE_DRIVER = `better-sqlite3 ${driver.version}`;

function pickDriver(): { Database: typeof BetterSqlite3; version: string } {
  if (Number(process.versions.napi) >= 10) {
    try {
      const Database = require('better-sqlite3-napi') as typeof BetterSqlite3;
      // Its binary loads on first use: try it now, so that a missing one falls back here, not mid-request.
      new Database(':memory:').close();
      return { Database, version: (require('better-sqlite3-napi/package.json') as { version: string }).version };
    } catch {
      // No prebuilt binary for this platform: better-sqlite3 12, below.
    }
  }
  return { Database: require('better-sqlite3') as typeof BetterSqlite3, version: (require('better-sqlite3/package.json') as { version: string }).version };
}
