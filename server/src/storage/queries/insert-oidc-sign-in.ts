import { sql } from '../sql';
import type { Queries } from '../storage';

/**
 * A sign-in sent to the provider: its state (hashed), nonce and PKCE code
 * verifier, for the callback on whichever instance takes it. Also drops
 * sign-ins that were never finished.
 */
export async function insertOidcSignIn(
  q: Queries,
  signIn: { stateHash: string; nonce: string; codeVerifier: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await q.run(sql`DELETE FROM oidc_sign_ins WHERE expires_at <= ${signIn.createdAt.toISOString()}`);
  await q.run(
    sql`INSERT INTO oidc_sign_ins (state_hash, nonce, code_verifier, created_at, expires_at)
        VALUES (${signIn.stateHash}, ${signIn.nonce}, ${signIn.codeVerifier}, ${signIn.createdAt.toISOString()}, ${signIn.expiresAt.toISOString()})`,
  );
}
