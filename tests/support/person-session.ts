import { randomBytes } from 'node:crypto';
import { personAccess } from '../../shared/src/domain/person-access';
import type { AdminRole } from '../../shared/src/schemas/admin-role';
import { hashToken } from '../../server/src/auth/tokens';
import { insertSession } from '../../server/src/storage/queries/insert-session';
import { findPerson } from '../../server/src/storage/queries/list-people';
import { savePerson } from '../../server/src/storage/queries/save-person';
import type { Queries } from '../../server/src/storage/storage';

export const TEST_ISSUER = 'https://login.example.com';

export type PersonSession = { personId: number; cookie: string; csrf: string; headers: Record<string, string> };

/**
 * A person signed in with the company's provider, as the callback makes
 * them: saved with what their groups give (`groupRole`) and the claimed
 * department, and a session with the role and department worked out from
 * those and any grants. Answers the headers the dashboard sends.
 */
export async function personSession(
  storage: Queries,
  person: { subject: string; name: string | null; email?: string | null; groupRole: AdminRole | null; department?: string | null },
  at: Date,
  hours = 1,
): Promise<PersonSession> {
  const personId = await savePerson(storage, { issuer: TEST_ISSUER, email: null, department: null, ...person }, at);
  const { role, department } = personAccess((await findPerson(storage, personId, at))!);
  if (role === null) throw new Error(`${person.subject} has no role: the callback makes no session`);
  const id = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await insertSession(storage, { idHash: hashToken(id), personId, role, department, csrfToken: csrf, createdAt: at, expiresAt: new Date(at.getTime() + hours * 3_600_000) });
  const cookie = `cc_session=${id}`;
  return { personId, cookie, csrf, headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' } };
}
