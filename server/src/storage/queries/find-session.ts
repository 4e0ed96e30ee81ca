import type { AdminRole } from '@customer-chair/shared/schemas/admin-role';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** A session, with its token's label, role and (a judge's) department, read with it. */
export type Session = { adminTokenId: number; label: string; role: AdminRole; department: string | null; csrfToken: string; expiresAt: string };

/**
 * A live session: not expired, and its admin token not revoked. Read from
 * the database on every request, never cached: a sign-out or a revocation
 * on any instance is honoured by all from their next request.
 */
export async function findSession(q: Queries, idHash: string, now: Date): Promise<Session | undefined> {
  return q.one<Session>(
    sql`SELECT s.admin_token_id AS "adminTokenId", t.label, t.role, t.department, s.csrf_token AS "csrfToken", s.expires_at AS "expiresAt"
        FROM sessions s JOIN admin_tokens t ON t.id = s.admin_token_id
        WHERE s.id_hash = ${idHash} AND s.expires_at > ${now.toISOString()} AND t.revoked_at IS NULL`,
  );
}
