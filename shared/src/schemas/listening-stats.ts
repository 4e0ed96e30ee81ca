import { z } from 'zod';
import { IsoDateSchema } from './common';

/** What the listening side counts for a group: thanks received, and voice messages by kind. */
export const ListeningCountersSchema = z.object({
  thanksReceived: z.number().int().nonnegative(),
  customerSaid: z.number().int().nonnegative(),
  ideas: z.number().int().nonnegative(),
  lessons: z.number().int().nonnegative(),
});
export type ListeningCounters = z.infer<typeof ListeningCountersSchema>;

/**
 * `GET /api/v1/dashboard/listening?from&to` (admins and viewers): thanks and
 * voice by department over the same whole weeks and under the same
 * disclosure rule as the adoption stats: departments the stats do not name
 * are counted only together, as "other".
 */
export const ListeningStatsSchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  weeks: z.number().int().nonnegative(),
  minGroupSize: z.number().int().positive(),
  total: ListeningCountersSchema,
  departments: z.array(ListeningCountersSchema.extend({ department: z.string() })),
  other: ListeningCountersSchema.extend({ departments: z.number().int().positive() }).nullable(),
});
export type ListeningStats = z.infer<typeof ListeningStatsSchema>;
