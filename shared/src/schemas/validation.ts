import { z } from 'zod';
import { IdSchema, IsoDateSchema, UtcInstantSchema } from './common';

/**
 * `GET /api/v1/validation?department=<id>` (enrollment key): the customer
 * work of one department, counted back to it for its own new tabs. Each
 * figure is null when the department had fewer than MIN_GROUP_SIZE active
 * installs over that figure's period (planValidation): then nothing is said.
 */
export const ValidationFiguresSchema = z.object({
  department: IdSchema,
  /** The company-local day the figures were worked out on. */
  day: IsoDateSchema,
  /** "I did this" (action_taken) this week so far, Monday to today. */
  thisWeek: z.object({ from: IsoDateSchema, actions: z.number().int().nonnegative() }).nullable(),
  /** The whole of last week. */
  lastWeek: z.object({ from: IsoDateSchema, actions: z.number().int().nonnegative() }).nullable(),
  /** Thanks received this calendar month so far (once per story, credited department and install). */
  thisMonth: z.object({ from: IsoDateSchema, thanks: z.number().int().nonnegative() }).nullable(),
  generatedAt: UtcInstantSchema,
});
export type ValidationFigures = z.infer<typeof ValidationFiguresSchema>;

export const ValidationQuerySchema = z.strictObject({ department: IdSchema });
