import type { DepartmentRecord } from '@customer-chair/shared/schemas/department-record';
import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/** Departments with their revision (`id` narrows to one); an unknown headcount is left out. */
export function listDepartmentRecords(db: Database, id?: string): DepartmentRecord[] {
  const rows = statement(db, 'SELECT id, name, headcount, revision FROM departments WHERE @id IS NULL OR id = @id ORDER BY position, id').all({
    id: id ?? null,
  }) as (Omit<DepartmentRecord, 'headcount'> & { headcount: number | null })[];
  return rows.map(({ headcount, ...rest }) => (headcount === null ? rest : { ...rest, headcount }));
}
