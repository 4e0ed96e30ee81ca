import { sql } from '../sql';
import type { Queries } from '../storage';

/**
 * Keeps the throttle's table small: drops keys whose last failure is not
 * after `forgetBefore` (they would start afresh anyway), and all but the
 * `keep` most recently failing keys (keys that failed in the same
 * millisecond as the `keep`-th are kept with it). Answers how many went.
 */
export async function pruneCredentialFailures(q: Queries, forgetBefore: Date, keep: number): Promise<number> {
  return q.run(
    sql`DELETE FROM credential_failures
        WHERE last_at <= ${forgetBefore.toISOString()}
           OR last_at < (SELECT last_at FROM credential_failures ORDER BY last_at DESC LIMIT 1 OFFSET ${keep - 1})`,
  );
}
