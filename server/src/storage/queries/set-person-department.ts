import { sql } from '../sql';
import type { Queries } from '../storage';

/** The department an admin set for a person (a judge's, for conflicts of interest); null: follow the provider's claim. */
export async function setPersonDepartment(q: Queries, personId: number, department: string | null): Promise<void> {
  await q.run(sql`UPDATE people SET set_department = ${department} WHERE id = ${personId}`);
}
