import { z } from 'zod';

/**
 * Every editable item carries a revision that goes up by one with each change;
 * an edit names the revision it was made on, so a stale edit is refused
 * instead of silently overwriting someone else's.
 */
export const RevisionSchema = z.number({ message: 'send the revision you edited (a number)' }).int().positive();

/** Archive, restore, delete: the body says only which revision the CX lead saw. */
export const RevisionOnlySchema = z.strictObject({ revision: RevisionSchema });
export type RevisionOnly = z.infer<typeof RevisionOnlySchema>;
