import { z } from 'zod';
import { IdSchema } from './common';
import { DepartmentSchema } from './department';
import { LIMITS } from './limits';
import { plainText } from './plain-text';
import { RevisionSchema } from './revision';

const headcount = z.number().int().positive().max(LIMITS.headcount);
const departmentFields = {
  name: plainText(LIMITS.departmentName),
  /** People in the department, for adoption %; null or absent: unknown. */
  headcount: headcount.nullable().optional(),
};

/** `POST /api/v1/admin/departments`. */
export const DepartmentDraftSchema = z.strictObject({ id: IdSchema.optional(), ...departmentFields });
export type DepartmentDraft = z.infer<typeof DepartmentDraftSchema>;

/** `PUT /api/v1/admin/departments/:id`. */
export const DepartmentEditSchema = z.strictObject({ ...departmentFields, revision: RevisionSchema });
export type DepartmentEdit = z.infer<typeof DepartmentEditSchema>;

export const DepartmentRecordSchema = DepartmentSchema.extend({ revision: RevisionSchema });
export type DepartmentRecord = z.infer<typeof DepartmentRecordSchema>;

export const DepartmentListSchema = z.object({ departments: z.array(DepartmentRecordSchema) });
export type DepartmentList = z.infer<typeof DepartmentListSchema>;
