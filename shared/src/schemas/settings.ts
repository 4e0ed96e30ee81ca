import { z } from 'zod';
import { TimezoneSchema } from './common';
import { RevisionSchema } from './revision';

/** `GET /api/v1/admin/settings`: the company's time zone, and where it comes from. */
export const SettingsSchema = z.object({
  timezone: TimezoneSchema,
  /** "dashboard" once a CX lead set it; until then the server's TIMEZONE ("environment"). */
  timezoneSource: z.enum(['dashboard', 'environment']),
  revision: RevisionSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

/** `PUT /api/v1/admin/settings`. */
export const SettingsEditSchema = z.strictObject({ timezone: TimezoneSchema, revision: RevisionSchema });
export type SettingsEdit = z.infer<typeof SettingsEditSchema>;
