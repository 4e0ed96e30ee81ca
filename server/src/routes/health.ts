import type { Health } from '@customer-chair/shared/schemas/health';
import { Hono } from 'hono';
import { checkDatabase } from '../storage/queries/check-database';
import type { Storage } from '../storage/storage';

/**
 * `GET /health` for load balancers and monitoring: it runs a real query, so
 * a database that is closed, unreachable (PostgreSQL down, the pool unable
 * to connect) or broken turns it to 503, and back to 200 once it answers
 * again: the load balancer sends no requests to an instance that cannot
 * serve them.
 */
export function healthRoutes(storage: Storage) {
  return new Hono().get('/', async (c) => {
    try {
      await storage.ping();
      await checkDatabase(storage);
      return c.json<Health>({ status: 'ok', database: 'ok' });
    } catch {
      c.header('Cache-Control', 'no-store');
      return c.json<Health>({ status: 'unavailable', database: 'unreachable' }, 503);
    }
  });
}
