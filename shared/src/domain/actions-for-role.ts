import type { ContentBundle } from '../schemas/content-bundle';
import type { RoleAction } from '../schemas/role-action';

/** At most this many actions are offered at once, so the list stays doable. */
export const MAX_ACTIONS = 5;

/** The customer-impact actions for a role, in the order the CX lead put them. */
export function actionsForRole(bundle: Pick<ContentBundle, 'actions'>, roleId: string | undefined): RoleAction[] {
  if (roleId === undefined) return [];
  return bundle.actions.filter((a) => a.role === roleId).slice(0, MAX_ACTIONS);
}
