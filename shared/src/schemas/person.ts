import { z } from 'zod';
import { AdminRoleSchema } from './admin-role';
import { UtcInstantSchema } from './common';

/** A role an admin gave a person in the dashboard, on top of what their groups give. */
export const RoleGrantSchema = z.object({
  role: AdminRoleSchema,
  /** The granting admin's label then (a token's label, or a person's name). */
  grantedBy: z.string(),
  grantedAt: UtcInstantSchema,
});
export type RoleGrant = z.infer<typeof RoleGrantSchema>;

/**
 * Someone who signed in with the company's provider (or tried to: a person
 * with no role is listed too, so that an admin can grant them one). Name
 * and e-mail are what the provider said at their latest sign-in.
 */
export const PersonRecordSchema = z.object({
  id: z.number().int().positive(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** The provider's id of the person, shown when it sends neither name nor e-mail. */
  subject: z.string(),
  /** The role their groups gave at their latest sign-in (OIDC_ROLE_GROUPS); null: none. */
  groupRole: AdminRoleSchema.nullable(),
  /** Roles granted in the dashboard. */
  grants: z.array(RoleGrantSchema),
  /** What they may do now: the strongest of the group role and the grants; null: they are refused. */
  role: AdminRoleSchema.nullable(),
  /** The department the provider's claim names (OIDC_DEPARTMENT_CLAIM), as sent. */
  claimedDepartment: z.string().nullable(),
  /** The department an admin set in the dashboard; it wins over the claim. */
  setDepartment: z.string().nullable(),
  /** The department used for conflicts of interest: the set one, else the claim. */
  department: z.string().nullable(),
  firstSignInAt: UtcInstantSchema,
  lastSignInAt: UtcInstantSchema,
  /** Whether they have a live session now. */
  signedIn: z.boolean(),
});
export type PersonRecord = z.infer<typeof PersonRecordSchema>;

/** `GET /api/v1/admin/people`: most recently signed in first. */
export const PersonListSchema = z.object({ people: z.array(PersonRecordSchema) });
export type PersonList = z.infer<typeof PersonListSchema>;

/**
 * `PUT /api/v1/admin/people/:id/department`: the judge's department, for
 * conflicts of interest (a department's id), or null to follow the claim.
 */
export const PersonDepartmentEditSchema = z.strictObject({
  department: z.string().trim().min(1, 'name a department, or send null to follow the provider').max(64).nullable(),
});
export type PersonDepartmentEdit = z.infer<typeof PersonDepartmentEditSchema>;
