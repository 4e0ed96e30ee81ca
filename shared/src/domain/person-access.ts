import type { AdminRole } from '../schemas/admin-role';
import { strongestRole } from './pick-person-role';

/** What is known of a person's access: the role their groups gave at their latest sign-in, the grants, and their departments. */
export type PersonAccessInput = {
  groupRole: AdminRole | null;
  grants: readonly { role: AdminRole }[];
  claimedDepartment: string | null;
  setDepartment: string | null;
};

/**
 * What a person may do now: the strongest of their group role and the roles
 * granted them (null: refused), and the department kept from them as a
 * judge (conflict of interest): one set in the dashboard wins over the
 * provider's claim.
 */
export function personAccess(person: PersonAccessInput): { role: AdminRole | null; department: string | null } {
  return {
    role: strongestRole([person.groupRole, ...person.grants.map((grant) => grant.role)]),
    department: person.setDepartment ?? person.claimedDepartment,
  };
}
