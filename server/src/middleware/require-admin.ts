import type { MiddlewareHandler } from 'hono';
import type { CredentialThrottle } from '../auth/credential-throttle';
import { readSessionCookie } from '../auth/session-cookie';
import { bearerToken, hashToken, secretsEqual } from '../auth/tokens';
import type { Clock } from '../clock';
import { apiError } from '../http/api-error';
import type { Credential } from '../auth/credential';
import { findAdminToken } from '../storage/queries/find-admin-token';
import { findSession } from '../storage/queries/find-session';
import type { Queries } from '../storage/storage';

export type AdminVariables = { admin: Credential };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Admin routes need `Authorization: Bearer <admin token>` (scripts), or a
 * dashboard session cookie (the CX lead's browser, signed in with a token or
 * the company's provider). A cookie alone is sent
 * by the browser whoever asks, so a request that changes something must also
 * carry the session's CSRF token in `X-CSRF-Token`. A revoked token, and its
 * sessions, are refused at once, by every instance: tokens and sessions are
 * looked up in the database on each request, nothing is kept per process.
 * The token's label is kept for the audit log; its role (and a judge's
 * department) for requireRole and the routes (`c.var.admin.role`).
 * With a `throttle`, wrong tokens and cookies count as guesses (429 once
 * they back off); a correct one is never refused.
 */
export function requireAdmin(storage: Queries, clock: Clock, throttle?: CredentialThrottle): MiddlewareHandler<{ Variables: AdminVariables }> {
  return async function requireAdmin(c, next) {
    const presented = bearerToken(c.req.header('Authorization'));
    // Only hashes are stored; looking the hash up reveals nothing about the token.
    const token = presented === undefined ? undefined : await findAdminToken(storage, hashToken(presented));
    let admin: Credential | undefined = token && { ...token, personId: null };
    const cookie = c.req.header('Authorization') === undefined ? readSessionCookie(c) : undefined;
    if (!admin && cookie !== undefined) {
      const session = await findSession(storage, hashToken(cookie), clock.now());
      if (session && !SAFE_METHODS.has(c.req.method)) {
        const csrf = c.req.header('X-CSRF-Token');
        if (csrf === undefined || !secretsEqual(csrf, session.csrfToken)) {
          return apiError(c, 403, 'forbidden', 'This request is missing the dashboard CSRF token (X-CSRF-Token); nothing was changed.');
        }
      }
      if (session) admin = { id: session.adminTokenId, personId: session.personId, label: session.label, role: session.role, department: session.department };
    }
    if (!admin) {
      const unauthorized = () => {
        c.header('WWW-Authenticate', 'Bearer realm="customer-chair-admin"');
        return apiError(
        c,
        401,
        'unauthorized',
        presented === undefined
          ? cookie === undefined
            ? 'This needs an admin token: send "Authorization: Bearer <token>".'
            : 'Your dashboard session has ended (signed out, expired or its token was revoked); sign in again.'
          : 'The admin token is not valid or was revoked.',
        );
      };
      const wrong = presented ?? cookie;
      return throttle && wrong !== undefined ? throttle.refuse(c, wrong, unauthorized) : unauthorized();
    }
    c.set('admin', admin);
    return next();
  };
}
