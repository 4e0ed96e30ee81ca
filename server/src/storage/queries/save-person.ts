import { sql } from '../sql';
import type { Queries } from '../storage';

/** What the provider says about a person at sign-in (name and e-mail only if it sends them). */
export type PersonClaims = { issuer: string; subject: string; name: string | null; email: string | null; department: string | null };

/**
 * Records a sign-in of the person (issuer, subject): new, or the same person
 * again with what the provider says of them now. Answers their id.
 */
export async function savePerson(q: Queries, person: PersonClaims, now: Date): Promise<number> {
  const at = now.toISOString();
  const row = await q.one<{ id: number }>(
    sql`INSERT INTO people (issuer, subject, name, email, department, first_sign_in_at, last_sign_in_at)
        VALUES (${person.issuer}, ${person.subject}, ${person.name}, ${person.email}, ${person.department}, ${at}, ${at})
        ON CONFLICT (issuer, subject) DO UPDATE SET name = excluded.name, email = excluded.email, department = excluded.department,
          last_sign_in_at = excluded.last_sign_in_at
        RETURNING id`,
  );
  return Number(row!.id);
}
