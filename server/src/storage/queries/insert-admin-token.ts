import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/** Stores a token's hash under a label; storing the same hash again is a no-op. */
export function insertAdminToken(db: Database, label: string, tokenHash: string, now: Date): void {
  statement(
    db,
    `INSERT INTO admin_tokens (label, token_hash, created_at) VALUES (?, ?, ?)
     ON CONFLICT (token_hash) DO NOTHING`,
  ).run(label, tokenHash, now.toISOString());
}
