import { z } from 'zod';
import { daysBetween } from '../domain/local-day';
import { IsoDateSchema } from './common';

/** The figures kept for every group: installs and what they did. */
export const CountersSchema = z.object({
  /**
   * Active installs (distinct install ids with any event) per week: the
   * week's own count in a weekly row; in a range's row the average over
   * the covered weeks in which anyone in the company was active (one
   * decimal). Distinct installs over a whole range
   * are not shown: two overlapping ranges would differ by a handful.
   */
  activeInstalls: z.number().nonnegative(),
  storyViews: z.number().int().nonnegative(),
  promptsShown: z.number().int().nonnegative(),
  promptsInserted: z.number().int().nonnegative(),
  storiesInserted: z.number().int().nonnegative(),
  storiesShared: z.number().int().nonnegative(),
  actionsTaken: z.number().int().nonnegative(),
});
export type Counters = z.infer<typeof CountersSchema>;

/** action_taken counts by role id; roles with too few installs fold into "other". */
export const ActionsByRoleSchema = z.record(z.string(), z.number().int().nonnegative());

export const DepartmentStatsSchema = CountersSchema.extend({
  department: z.string(),
  actionsByRole: ActionsByRoleSchema,
});
export type DepartmentStats = z.infer<typeof DepartmentStatsSchema>;

/**
 * The departments that may not be named over the range, together: the
 * total minus the named departments. Not broken down by role.
 */
export const OtherStatsSchema = CountersSchema.extend({
  /** How many departments were folded in (at least two). */
  departments: z.number().int().positive(),
});
export type OtherStats = z.infer<typeof OtherStatsSchema>;

export const WeeklyStatsSchema = CountersSchema.extend({
  /** The Monday that starts the week, in the company's time zone. */
  week: IsoDateSchema,
  /** null: the departments folded that week, together (at least two, with at least k installs). */
  department: z.string().nullable(),
});
export type WeeklyStats = z.infer<typeof WeeklyStatsSchema>;

export const StatsSchema = z.object({
  /** The days asked for. */
  requested: z.object({ from: IsoDateSchema, to: IsoDateSchema }),
  /**
   * The days the figures cover: the whole weeks (Monday to Sunday) the
   * request touches that have finished; the request itself when none has.
   */
  from: IsoDateSchema,
  to: IsoDateSchema,
  /** How many whole, finished weeks are covered (0: none yet, and no figures). */
  weeks: z.number().int().nonnegative(),
  /** Covered weeks left out of every figure: the whole company had fewer than k active installs. */
  withheldWeeks: z.array(IsoDateSchema),
  timezone: z.string(),
  minGroupSize: z.number().int().positive(),
  /** The whole company, over the weeks not withheld. */
  total: CountersSchema,
  departments: z.array(DepartmentStatsSchema),
  other: OtherStatsSchema.nullable(),
  weekly: z.array(WeeklyStatsSchema),
});
export type Stats = z.infer<typeof StatsSchema>;

/** Longest range one stats request may cover. */
export const MAX_STATS_RANGE_DAYS = 400;

export const StatsQuerySchema = z
  .object({
    from: IsoDateSchema,
    to: IsoDateSchema,
  })
  .refine((q) => q.from <= q.to, { path: ['from'], message: 'must not be after "to"' })
  .refine((q) => daysBetween(q.from, q.to) < MAX_STATS_RANGE_DAYS, {
    path: ['to'],
    message: `range must be at most ${MAX_STATS_RANGE_DAYS} days`,
  });
export type StatsQuery = z.infer<typeof StatsQuerySchema>;

