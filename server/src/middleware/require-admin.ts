import type { Database } from 'better-sqlite3';
import type { MiddlewareHandler } from 'hono';
import { readSessionCookie } from '../auth/session-cookie';
import { bearerToken, hashToken } from '../auth/tokens';
import type { Clock } from '../clock';
import { apiError } from '../http/api-error';
import { findAdminToken, type AdminToken } from '../queries/find-admin-token';
import { findSession } from '../queries/find-session';

export type AdminVariables = { admin: AdminToken };

/**
 * Admin routes need `Authorization: Bearer <admin token>` (scripts), or a
 * dashboard session cookie (the CX lead's browser; reads only, so no CSRF
 * token is needed). The token's label is kept for audit.
 */
export function requireAdmin(db: Database, clock: Clock): MiddlewareHandler<{ Variables: AdminVariables }> {
  return async function requireAdmin(c, next) {
    const presented = bearerToken(c.req.header('Authorization'));
    // Only hashes are stored; looking the hash up reveals nothing about the token.
    let admin = presented === undefined ? undefined : findAdminToken(db, hashToken(presented));
    const cookie = c.req.header('Authorization') === undefined ? readSessionCookie(c) : undefined;
    if (!admin && cookie !== undefined && c.req.method === 'GET') {
      const session = findSession(db, hashToken(cookie), clock.now());
      if (session) admin = { id: session.adminTokenId, label: session.label };
    }
    if (!admin) {
      c.header('WWW-Authenticate', 'Bearer realm="customer-chair-admin"');
      return apiError(
        c,
        401,
        'unauthorized',
        presented === undefined
          ? 'This needs an admin token: send "Authorization: Bearer <token>".'
          : 'The admin token is not valid or was revoked.',
      );
    }
    c.set('admin', admin);
    return next();
  };
}
