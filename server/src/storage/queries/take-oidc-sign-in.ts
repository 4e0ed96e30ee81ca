import { sql } from '../sql';
import type { Queries } from '../storage';

/**
 * The sign-in under way with this state, removed as it is read: a state
 * works once, on one instance, and never after it expired.
 */
export async function takeOidcSignIn(q: Queries, stateHash: string, now: Date): Promise<{ nonce: string; codeVerifier: string } | undefined> {
  return q.one<{ nonce: string; codeVerifier: string }>(
    sql`DELETE FROM oidc_sign_ins WHERE state_hash = ${stateHash} AND expires_at > ${now.toISOString()}
        RETURNING nonce, code_verifier AS "codeVerifier"`,
  );
}
