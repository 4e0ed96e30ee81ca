import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

export function insertSession(
  db: Database,
  session: { idHash: string; adminTokenId: number; csrfToken: string; createdAt: Date; expiresAt: Date },
): void {
  statement(
    db,
    'INSERT INTO sessions (id_hash, admin_token_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  ).run(session.idHash, session.adminTokenId, session.csrfToken, session.createdAt.toISOString(), session.expiresAt.toISOString());
}
