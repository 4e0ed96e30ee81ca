import { sql } from '../sql';
import type { Queries } from '../storage';

/** A new dashboard session, stored in the database so that every instance knows it. */
export async function insertSession(
  q: Queries,
  session: { idHash: string; adminTokenId: number; csrfToken: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await q.run(
    sql`INSERT INTO sessions (id_hash, admin_token_id, csrf_token, created_at, expires_at)
        VALUES (${session.idHash}, ${session.adminTokenId}, ${session.csrfToken}, ${session.createdAt.toISOString()}, ${session.expiresAt.toISOString()})`,
  );
}
