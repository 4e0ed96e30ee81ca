import { z } from 'zod';

/**
 * A count of new installs, or null when it is below the privacy threshold
 * (then shown as "fewer than minGroupSize", 0 included).
 */
export const NewInstallCountSchema = z.number().int().min(0).nullable();

/**
 * `GET /api/v1/dashboard/new-installs`: how many install ids the server saw
 * for the first time, company-wide (no department, no activity), so a wave
 * of invented installs is visible. Days are company-local days of receipt.
 */
export const NewInstallsSchema = z.object({
  today: z.iso.date(),
  timezone: z.string(),
  minGroupSize: z.number().int().min(1),
  /** The 7 days that end today. */
  lastSevenDays: NewInstallCountSchema,
  /** Monday-to-Sunday weeks, oldest first; the last one is the current week so far. */
  weeks: z.array(z.object({ week: z.iso.date(), count: NewInstallCountSchema, complete: z.boolean() })),
  /** The last 7 days are far above a usual week (see summarizeNewInstalls). */
  wave: z.boolean(),
});
export type NewInstalls = z.infer<typeof NewInstallsSchema>;
