import type { Health } from '@customer-chair/shared/schemas/health';
import { Hono } from 'hono';

export function healthRoutes() {
  return new Hono().get('/', (c) => c.json<Health>({ status: 'ok' }));
}
