import type { AdminTokenList } from '@customer-chair/shared/schemas/admin-token';
import { Hono } from 'hono';
import type { AppDeps } from '../../deps';
import { listAdminTokens } from '../../storage/queries/list-admin-tokens';

/** `GET /api/v1/admin/tokens`: who can sign in (labels, never tokens); made and revoked with the server's `tokens` command. */
export function adminTokenRoutes({ storage }: AppDeps) {
  return new Hono().get('/', async (c) => c.json<AdminTokenList>({ tokens: await listAdminTokens(storage) }));
}
