import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

export type Session = { adminTokenId: number; label: string; csrfToken: string; expiresAt: string };

/** A live session: not expired, and its admin token not revoked. */
export function findSession(db: Database, idHash: string, now: Date): Session | undefined {
  return statement(
    db,
    `SELECT s.admin_token_id AS adminTokenId, t.label, s.csrf_token AS csrfToken, s.expires_at AS expiresAt
     FROM sessions s JOIN admin_tokens t ON t.id = s.admin_token_id
     WHERE s.id_hash = ? AND s.expires_at > ? AND t.revoked_at IS NULL`,
  ).get(idHash, now.toISOString()) as Session | undefined;
}
