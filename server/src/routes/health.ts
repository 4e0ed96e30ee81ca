import type { Health } from '@customer-chair/shared/schemas/health';
import type { Database } from 'better-sqlite3';
import { Hono } from 'hono';
import { checkDatabase } from '../storage/queries/check-database';

/**
 * `GET /health` for load balancers and monitoring: it runs a real query, so
 * a closed, locked-out or broken database file turns it to 503.
 */
export function healthRoutes(db: Database) {
  return new Hono().get('/', (c) => {
    try {
      checkDatabase(db);
      return c.json<Health>({ status: 'ok', database: 'ok' });
    } catch {
      c.header('Cache-Control', 'no-store');
      return c.json<Health>({ status: 'unavailable', database: 'unreachable' }, 503);
    }
  });
}
