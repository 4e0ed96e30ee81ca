import type { MiddlewareHandler } from 'hono';
import type { CredentialThrottle } from '../auth/credential-throttle';
import { readSessionCookie } from '../auth/session-cookie';
import { hashToken, secretsEqual } from '../auth/tokens';
import type { Clock } from '../clock';
import { apiError } from '../http/api-error';
import { findSession, type Session } from '../storage/queries/find-session';
import type { Queries } from '../storage/storage';

export type SessionVariables = { session: Session };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Dashboard routes need a signed-in session cookie; requests that change
 * state must also carry the session's CSRF token in `X-CSRF-Token`. With a
 * `throttle`, an unknown cookie counts as a guess (see credentialThrottle).
 */
export function requireSession(storage: Queries, clock: Clock, throttle?: CredentialThrottle): MiddlewareHandler<{ Variables: SessionVariables }> {
  return async function requireSession(c, next) {
    const id = readSessionCookie(c);
    const session = id === undefined ? undefined : await findSession(storage, hashToken(id), clock.now());
    if (!session) {
      const unauthorized = () => apiError(c, 401, 'unauthorized', 'Sign in to the dashboard first (the session is missing or has expired).');
      return throttle && id !== undefined ? throttle.refuse(c, id, unauthorized) : unauthorized();
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      const presented = c.req.header('X-CSRF-Token');
      if (presented === undefined || !secretsEqual(presented, session.csrfToken)) {
        return apiError(c, 403, 'forbidden', 'This request is missing the dashboard CSRF token (X-CSRF-Token).');
      }
    }
    c.set('session', session);
    return next();
  };
}
