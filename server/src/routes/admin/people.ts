import { personAccess } from '@customer-chair/shared/domain/person-access';
import { personLabel } from '@customer-chair/shared/domain/person-label';
import { AdminRoleSchema, type AdminRole } from '@customer-chair/shared/schemas/admin-role';
import { PersonDepartmentEditSchema, type PersonList, type PersonRecord } from '@customer-chair/shared/schemas/person';
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../../deps';
import { apiError, invalidRequest } from '../../http/api-error';
import { readJson } from '../../http/read-json';
import type { AdminVariables } from '../../middleware/require-admin';
import { grantRole } from '../../storage/queries/grant-role';
import { insertAuditEntry } from '../../storage/queries/insert-audit-entry';
import { listDepartmentRecords } from '../../storage/queries/list-department-records';
import { findPerson, listPeople } from '../../storage/queries/list-people';
import { revokeRole } from '../../storage/queries/revoke-role';
import { setPersonDepartment } from '../../storage/queries/set-person-department';
import { updatePersonSessions } from '../../storage/queries/update-person-sessions';
import type { Transaction } from '../../storage/storage';

/**
 * `/api/v1/admin/people`: who signed in with the company's provider, and
 * the access an admin gives them on top of their groups.
 *
 * - `GET /`: everyone who signed in (or was refused for want of a role),
 *   with the role their groups gave, the grants and what they may do now.
 * - `PUT /:id/grants/:role`, `DELETE /:id/grants/:role`: grant or take
 *   back a role. An admin cannot take their own admin grant (nobody could
 *   then give it back but the server's command line).
 * - `PUT /:id/department` (PersonDepartmentEdit): the department a judge
 *   is kept from (conflict of interest), or null to follow the claim.
 *
 * Each change applies to the person's live sessions at once (a person left
 * with no role is signed out) and is audited, naming the person.
 */
export function adminPeopleRoutes({ storage, clock }: AppDeps) {
  /** Runs `change` on the person (404 if unknown), then applies their new access to their sessions; answers the person as listed. */
  const changePerson = (c: Context<{ Variables: AdminVariables }>, change: (tx: Transaction, person: PersonRecord, now: Date) => Promise<Response | string | undefined>) => {
    const id = Number(c.req.param('id'));
    return storage.transaction(async (tx) => {
      const now = clock.now();
      const person = Number.isSafeInteger(id) && id > 0 ? await findPerson(tx, id, now) : undefined;
      if (!person) return apiError(c, 404, 'not_found', `There is no person ${c.req.param('id')}; ask GET /api/v1/admin/people for who has signed in.`);
      const outcome = await change(tx, person, now);
      if (outcome instanceof Response) return outcome;
      const after = (await findPerson(tx, id, now))!;
      await updatePersonSessions(tx, id, personAccess(after));
      if (outcome !== undefined) {
        await insertAuditEntry(tx, { actor: c.var.admin, action: 'updated', entity: 'person', entityId: String(id), summary: `${personLabel(after)}: ${outcome}` }, now);
      }
      // Read again: a person left with no role has no live session now.
      return c.json<PersonRecord>((await findPerson(tx, id, now))!);
    });
  };
  const roleParam = (c: Context): AdminRole | Response => {
    const parsed = AdminRoleSchema.safeParse(c.req.param('role'));
    return parsed.success ? parsed.data : invalidRequest(c, [{ path: 'role', message: `"${c.req.param('role')}" ${parsed.error.issues[0]!.message}` }]);
  };

  return new Hono<{ Variables: AdminVariables }>()
    .get('/', async (c) => c.json<PersonList>({ people: await listPeople(storage, clock.now()) }))
    .put('/:id/grants/:role', async (c) => {
      const role = roleParam(c);
      if (role instanceof Response) return role;
      return changePerson(c, async (tx, person, now) => ((await grantRole(tx, person.id, role, c.var.admin.label, now)) ? `granted ${role}` : undefined));
    })
    .delete('/:id/grants/:role', async (c) => {
      const role = roleParam(c);
      if (role instanceof Response) return role;
      return changePerson(c, async (tx, person) => {
        if (role === 'admin' && c.var.admin.personId === person.id) {
          return apiError(c, 409, 'conflict', 'You cannot take your own admin role away; another admin can. Nothing was changed.');
        }
        return (await revokeRole(tx, person.id, role)) ? `took back ${role}` : undefined;
      });
    })
    .put('/:id/department', async (c) => {
      const edit = await readJson(c, PersonDepartmentEditSchema);
      if (edit instanceof Response) return edit;
      return changePerson(c, async (tx, person) => {
        const departments = await listDepartmentRecords(tx);
        if (edit.department !== null && !departments.some((d) => d.id === edit.department)) {
          return invalidRequest(c, [
            { path: 'department', message: `there is no department "${edit.department}"; use one of ${departments.map((d) => d.id).join(', ') || '(none set up yet)'}, or null to follow the provider` },
          ]);
        }
        if (edit.department === person.setDepartment) return undefined;
        await setPersonDepartment(tx, person.id, edit.department);
        const named = departments.find((d) => d.id === edit.department);
        return named ? `department set to ${named.name}` : `department follows the provider (${person.claimedDepartment ?? 'none'})`;
      });
    });
}
