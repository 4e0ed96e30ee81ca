import { z } from 'zod';

/**
 * What a dashboard credential may do: `admin` changes content and rounds
 * (and, as the panel's chair, marks winners and publishes results); `judge`
 * scores entries; `viewer` reads adoption. A judge tied to a department
 * neither sees nor scores that department's entries (conflict of interest).
 */
export const AdminRoleSchema = z.enum(['admin', 'judge', 'viewer'], { message: 'must be "admin", "judge" or "viewer"' });
export type AdminRole = z.infer<typeof AdminRoleSchema>;
