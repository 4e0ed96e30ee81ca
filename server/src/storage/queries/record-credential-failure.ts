import { sql } from '../sql';
import type { Queries } from '../storage';

/**
 * Counts one more wrong credential for a throttle key and answers the key's
 * count: one statement (an upsert answering the new count), so instances
 * counting the same key at once each see a count of their own and none is
 * lost. A key whose last failure is not after `forgetBefore` starts afresh
 * at 1. The last failure never moves back (instances' clocks may differ a
 * little).
 */
export async function recordCredentialFailure(q: Queries, key: string, now: Date, forgetBefore: Date): Promise<number> {
  const at = now.toISOString();
  const row = await q.one<{ failures: number }>(
    sql`INSERT INTO credential_failures (key, failures, last_at) VALUES (${key}, 1, ${at})
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN credential_failures.last_at > ${forgetBefore.toISOString()} THEN credential_failures.failures + 1 ELSE 1 END,
          last_at = CASE WHEN excluded.last_at > credential_failures.last_at THEN excluded.last_at ELSE credential_failures.last_at END
        RETURNING failures`,
  );
  return row!.failures;
}
