import type { ApiIssue } from '@customer-chair/shared/schemas/api-error';
import type { Context } from 'hono';
import { listRoleRecords } from '../storage/queries/list-role-records';
import type { Queries } from '../storage/storage';
import { invalidRequest } from '../http/api-error';

/** A 400 naming every role in `roles` that does not exist, or nothing when all do. */
export async function refuseUnknownRoles(c: Context, q: Queries, roles: string[] | undefined): Promise<Response | undefined> {
  if (!roles?.length) return undefined;
  const known = new Set((await listRoleRecords(q)).map((r) => r.id));
  const issues: ApiIssue[] = roles.flatMap((role, i) => (known.has(role) ? [] : [{ path: `roles.${i}`, message: `unknown role "${role}"` }]));
  if (!issues.length) return undefined;
  return invalidRequest(c, issues);
}
