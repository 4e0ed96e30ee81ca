import type { DepartmentRecord } from '@customer-chair/shared/schemas/department-record';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** Departments with their revision (`id` narrows to one); an unknown headcount is left out. */
export async function listDepartmentRecords(q: Queries, id?: string): Promise<DepartmentRecord[]> {
  const only = id === undefined ? sql`` : sql`WHERE id = ${id}`;
  const rows = await q.all<Omit<DepartmentRecord, 'headcount'> & { headcount: number | null }>(
    sql`SELECT id, name, headcount, revision FROM departments ${only} ORDER BY position, id`,
  );
  return rows.map(({ headcount, ...rest }) => (headcount === null ? rest : { ...rest, headcount }));
}
