import { z } from 'zod';
import { IdSchema, text } from './common';
import { LIMITS } from './limits';

export const DepartmentSchema = z.object({
  id: IdSchema,
  name: text(LIMITS.departmentName),
  /** People in the department, for adoption %; unknown when absent. */
  headcount: z.number().int().positive().max(LIMITS.headcount).optional(),
});
export type Department = z.infer<typeof DepartmentSchema>;
