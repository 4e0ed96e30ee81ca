import type { ApiIssue } from '@customer-chair/shared/schemas/api-error';
import type { Database } from 'better-sqlite3';
import type { Context } from 'hono';
import { listRoleRecords } from '../storage/queries/list-role-records';
import { invalidRequest } from './api-error';

/** A 400 naming every role in `roles` that does not exist, or nothing when all do. */
export function refuseUnknownRoles(c: Context, db: Database, roles: string[] | undefined): Response | undefined {
  if (!roles?.length) return undefined;
  const known = new Set(listRoleRecords(db).map((r) => r.id));
  const issues: ApiIssue[] = roles.flatMap((role, i) => (known.has(role) ? [] : [{ path: `roles.${i}`, message: `unknown role "${role}"` }]));
  if (!issues.length) return undefined;
  return invalidRequest(c, issues);
}
