import { z } from 'zod';
import { daysBetween } from '../domain/local-day';
import { IsoDateSchema } from './common';

/** The figures kept for every group: installs and what they did. */
export const CountersSchema = z.object({
  /** Distinct install ids with any event in the range. */
  activeInstalls: z.number().int().nonnegative(),
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

/** Departments below the privacy threshold, together and unnamed. */
export const OtherStatsSchema = CountersSchema.extend({
  /** How many departments were folded in. */
  departments: z.number().int().positive(),
  actionsByRole: ActionsByRoleSchema,
});
export type OtherStats = z.infer<typeof OtherStatsSchema>;

export const WeeklyStatsSchema = CountersSchema.extend({
  /** The Monday that starts the week, in the company's time zone. */
  week: IsoDateSchema,
  /** null: the departments below the threshold that week, together. */
  department: z.string().nullable(),
});
export type WeeklyStats = z.infer<typeof WeeklyStatsSchema>;

export const StatsSchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  timezone: z.string(),
  minGroupSize: z.number().int().positive(),
  /** The whole company; safe to show, it is one big group. */
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

