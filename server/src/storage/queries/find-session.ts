import type { AdminRole } from '@customer-chair/shared/schemas/admin-role';
import { sql } from '../sql';
import type { Queries } from '../storage';

/**
 * A session, of an admin token (its label, role and a judge's department read
 * with it) or of a person who signed in with the company's provider (labelled
 * with their name, or e-mail; the role and department worked out at sign-in).
 */
export type Session = {
  adminTokenId: number | null;
  personId: number | null;
  label: string;
  role: AdminRole;
  department: string | null;
  csrfToken: string;
  expiresAt: string;
};

/**
 * A live session: not expired, and its admin token not revoked. Read from
 * the database on every request, never cached: a sign-out or a revocation
 * on any instance is honoured by all from their next request.
 */
export async function findSession(q: Queries, idHash: string, now: Date): Promise<Session | undefined> {
  return q.one<Session>(
    sql`SELECT s.admin_token_id AS "adminTokenId", s.person_id AS "personId",
          COALESCE(t.label, p.name, p.email, p.subject) AS label,
          COALESCE(t.role, s.role) AS role,
          CASE WHEN s.person_id IS NULL THEN t.department ELSE s.department END AS department,
          s.csrf_token AS "csrfToken", s.expires_at AS "expiresAt"
        FROM sessions s
        LEFT JOIN admin_tokens t ON t.id = s.admin_token_id
        LEFT JOIN people p ON p.id = s.person_id
        WHERE s.id_hash = ${idHash} AND s.expires_at > ${now.toISOString()}
          AND (s.person_id IS NOT NULL OR t.revoked_at IS NULL)`,
  );
}
