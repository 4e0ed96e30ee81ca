import type { AdminRole } from '@customer-chair/shared/schemas/admin-role';
import type { MiddlewareHandler } from 'hono';
import { apiError } from '../http/api-error';
import type { AdminVariables } from './require-admin';
import type { SessionVariables } from './require-session';

const WHOSE: Record<AdminRole, string> = { admin: "an admin's", judge: "a judge's", viewer: "a viewer's" };
const ROLE_NOUN: Record<AdminRole, string> = { admin: 'an admin', judge: 'a judge', viewer: 'a viewer' };

/** "admin", "admin or viewer", "admin, judge or viewer". */
function either(roles: readonly AdminRole[]): string {
  return roles.length < 2 ? roles.join('') : `${roles.slice(0, -1).join(', ')} or ${roles.at(-1)}`;
}

/**
 * Lets through only credentials of one of `roles`; runs after requireAdmin
 * (`c.var.admin`) or requireSession (`c.var.session`), which read the role
 * with the token. Any other role gets 403 saying what the route needs and
 * what the credential is ("This needs the admin role; your token is a
 * judge's.", or "you are signed in as a judge" for a person): the credential is fine, so it never counts as a guess.
 */
export function requireRole(...roles: [AdminRole, ...AdminRole[]]): MiddlewareHandler<{ Variables: Partial<AdminVariables & SessionVariables> }> {
  const allowed = new Set<AdminRole>(roles);
  return async function requireRole(c, next) {
    const credential = c.var.admin ?? c.var.session;
    const role = credential?.role;
    // Only a misordered app reaches here without a credential: refuse rather than let through.
    if (role === undefined) return apiError(c, 401, 'unauthorized', 'This needs a dashboard credential: send "Authorization: Bearer <token>" or sign in.');
    if (!allowed.has(role)) {
      const yours = credential!.personId !== null ? `you are signed in as ${ROLE_NOUN[role]}` : `your token is ${WHOSE[role]}`;
      return apiError(c, 403, 'forbidden', `This needs the ${either([...allowed])} role; ${yours}.`);
    }
    return next();
  };
}
