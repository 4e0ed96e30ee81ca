import type { AdminRole } from '@customer-chair/shared/schemas/admin-role';
import { sql } from '../sql';
import type { Queries } from '../storage';

/**
 * What the provider says about a person at sign-in (name and e-mail only if
 * it sends them), and the role their groups give now (null: none).
 */
export type PersonClaims = { issuer: string; subject: string; name: string | null; email: string | null; department: string | null; groupRole: AdminRole | null };

/**
 * Records a sign-in of the person (issuer, subject): new, or the same person
 * again with what the provider says of them now. Answers their id.
 */
export async function savePerson(q: Queries, person: PersonClaims, now: Date): Promise<number> {
  const at = now.toISOString();
  const row = await q.one<{ id: number }>(
    sql`INSERT INTO people (issuer, subject, name, email, department, group_role, first_sign_in_at, last_sign_in_at)
        VALUES (${person.issuer}, ${person.subject}, ${person.name}, ${person.email}, ${person.department}, ${person.groupRole}, ${at}, ${at})
        ON CONFLICT (issuer, subject) DO UPDATE SET name = excluded.name, email = excluded.email, department = excluded.department,
          group_role = excluded.group_role, last_sign_in_at = excluded.last_sign_in_at
        RETURNING id`,
  );
  return Number(row!.id);
}
