import type { Department } from '@customer-chair/shared/schemas/department';
import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/** Adds a department (after the others), or changes one as its next revision. */
export function saveDepartment(db: Database, department: Department): void {
  statement(
    db,
    `INSERT INTO departments (id, name, headcount, position)
     VALUES (@id, @name, @headcount, (SELECT COALESCE(MAX(position), -1) + 1 FROM departments))
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, headcount = excluded.headcount, revision = revision + 1`,
  ).run({ id: department.id, name: department.name, headcount: department.headcount ?? null });
}
