import { LIMITS } from '@customer-chair/shared/schemas/limits';
import { Hono } from 'hono';

/** `GET /api/v1/admin/limits`: every length bound, for "characters left" hints while typing. */
export function adminLimitRoutes() {
  return new Hono().get('/', (c) => c.json({ limits: LIMITS }));
}
