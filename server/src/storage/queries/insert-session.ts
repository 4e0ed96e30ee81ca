import type { AdminRole } from '@customer-chair/shared/schemas/admin-role';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** Whose session it is: an admin token's, or a person's with the role and department they signed in with. */
export type SessionOwner = { adminTokenId: number } | { personId: number; role: AdminRole; department: string | null };

/** A new dashboard session, stored in the database so that every instance knows it. */
export async function insertSession(
  q: Queries,
  session: { idHash: string; csrfToken: string; createdAt: Date; expiresAt: Date } & SessionOwner,
): Promise<void> {
  const token = 'adminTokenId' in session ? session.adminTokenId : null;
  const person = 'personId' in session ? session : null;
  await q.run(
    sql`INSERT INTO sessions (id_hash, admin_token_id, person_id, role, department, csrf_token, created_at, expires_at)
        VALUES (${session.idHash}, ${token}, ${person?.personId ?? null}, ${person?.role ?? null}, ${person?.department ?? null},
          ${session.csrfToken}, ${session.createdAt.toISOString()}, ${session.expiresAt.toISOString()})`,
  );
}
