import type { Department } from '@customer-chair/shared/schemas/department';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** Adds a department (after the others), or changes one as its next revision. */
export async function saveDepartment(q: Queries, department: Department): Promise<void> {
  await q.run(
    sql`INSERT INTO departments (id, name, headcount, position)
        VALUES (${department.id}, ${department.name}, ${department.headcount ?? null}, (SELECT COALESCE(MAX(position), -1) + 1 FROM departments))
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, headcount = excluded.headcount, revision = departments.revision + 1`,
  );
}
