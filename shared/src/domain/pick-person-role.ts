import type { AdminRole } from '../schemas/admin-role';

/** Which identity-provider groups give which role (OIDC_ROLE_GROUPS). */
export type RoleGroups = Record<AdminRole, readonly string[]>;

/** From the most to the least it may do: a person given several roles signs in with the first. */
const PRECEDENCE: readonly AdminRole[] = ['admin', 'judge', 'viewer'];

/** The strongest of `roles` (admin, then judge, then viewer); null when there is none. */
export function strongestRole(roles: readonly (AdminRole | null)[]): AdminRole | null {
  return PRECEDENCE.find((role) => roles.includes(role)) ?? null;
}

/**
 * A signed-in person's role: from their groups (as the provider sends them,
 * matched exactly) and the roles an admin granted them; the strongest wins.
 * Null: no role, so no session.
 */
export function pickPersonRole(groups: readonly string[], roleGroups: RoleGroups, granted: readonly AdminRole[]): AdminRole | null {
  const member = new Set(groups);
  return strongestRole([...granted, ...PRECEDENCE.filter((role) => roleGroups[role].some((group) => member.has(group)))]);
}
