import type { ApiIssue } from '@customer-chair/shared/schemas/api-error';
import type { Context } from 'hono';
import { invalidRequest } from '../http/api-error';
import { listDepartmentRecords } from '../storage/queries/list-department-records';
import type { Queries } from '../storage/storage';

/**
 * A 400 naming every credit in `credits` that is not a department of the
 * company or credits one a second time (`credits.N`), or nothing when the
 * list is fine (or empty: no credits).
 */
export async function refuseBadCredits(c: Context, q: Queries, credits: string[] | undefined): Promise<Response | undefined> {
  if (!credits?.length) return undefined;
  const known = new Set((await listDepartmentRecords(q)).map((d) => d.id));
  const issues: ApiIssue[] = credits.flatMap((department, i): ApiIssue[] => {
    if (!known.has(department)) return [{ path: `credits.${i}`, message: `"${department}" is not a department of the company` }];
    if (credits.indexOf(department) !== i) return [{ path: `credits.${i}`, message: `"${department}" is credited twice` }];
    return [];
  });
  return issues.length ? invalidRequest(c, issues) : undefined;
}
