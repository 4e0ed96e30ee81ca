import { personAccess } from '@customer-chair/shared/domain/person-access';
import type { PersonRecord, RoleGrant } from '@customer-chair/shared/schemas/person';
import { sql } from '../sql';
import type { Queries } from '../storage';

type PersonRow = Omit<PersonRecord, 'grants' | 'role' | 'department' | 'signedIn'> & { signedIn: number | boolean };

/**
 * Everyone who signed in with the company's provider (or tried: a person
 * refused for want of a role is listed, so an admin can grant one), most
 * recently signed in first, with their grants and what they may do now; or
 * the one person `id`.
 */
export async function listPeople(q: Queries, now: Date, id?: number): Promise<PersonRecord[]> {
  const only = id === undefined ? sql`` : sql`WHERE p.id = ${id}`;
  const rows = await q.all<PersonRow>(
    sql`SELECT p.id, p.name, p.email, p.subject, p.group_role AS "groupRole", p.department AS "claimedDepartment",
          p.set_department AS "setDepartment", p.first_sign_in_at AS "firstSignInAt", p.last_sign_in_at AS "lastSignInAt",
          EXISTS (SELECT 1 FROM sessions s WHERE s.person_id = p.id AND s.expires_at > ${now.toISOString()}) AS "signedIn"
        FROM people p ${only}
        ORDER BY p.last_sign_in_at DESC, p.id DESC`,
  );
  const grants = await q.all<RoleGrant & { personId: number }>(
    sql`SELECT person_id AS "personId", role, granted_by AS "grantedBy", granted_at AS "grantedAt"
        FROM role_grants ${id === undefined ? sql`` : sql`WHERE person_id = ${id}`} ORDER BY granted_at, role`,
  );
  const byPerson = new Map<number, RoleGrant[]>();
  for (const { personId, ...grant } of grants) {
    const key = Number(personId);
    byPerson.set(key, [...(byPerson.get(key) ?? []), grant]);
  }
  return rows.map((row) => {
    const person = { ...row, id: Number(row.id), grants: byPerson.get(Number(row.id)) ?? [], signedIn: Boolean(row.signedIn) };
    return { ...person, ...personAccess(person) };
  });
}

/** One person as listed, or undefined. */
export async function findPerson(q: Queries, id: number, now: Date): Promise<PersonRecord | undefined> {
  return (await listPeople(q, now, id))[0];
}

