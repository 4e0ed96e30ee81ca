import { z } from 'zod';
import { IsoDateSchema } from './common';
import { SurfaceSchema } from './usage-event';

const count = z.number().int().nonnegative();

/** Where the surfaces too few people used in some week are counted together. */
export const OTHER_SURFACE = 'other';

/**
 * `GET /api/v1/dashboard/departments/:id`: one department in depth, only
 * when the stats for the same range name it. Every breakdown follows the
 * same rule as the stats (plan-disclosure): whole finished weeks, and a
 * role, surface or action named only if it had at least k installs in
 * every one of them, with "other" made of at least two and k installs.
 */
export const DepartmentDetailSchema = z.object({
  /** The covered weeks, Monday to Sunday, as in the stats. */
  from: IsoDateSchema,
  to: IsoDateSchema,
  weeks: count,
  minGroupSize: z.number().int().positive(),
  department: z.string(),
  /** Average weekly active installs over the covered weeks. */
  activeInstalls: z.number().nonnegative(),
  /** action_taken by role; roles that may not be named are together under "other". */
  actionsByRole: z.record(z.string(), count),
  /** The most logged actions, each of a named role and done by at least k installs every week. */
  topActions: z.array(z.object({ actionId: z.string(), role: z.string(), count })),
  /** Where the customer showed up: every event type counted per surface; "other" holds the surfaces few used. */
  surfaces: z.array(
    z.object({
      surface: z.union([SurfaceSchema, z.literal(OTHER_SURFACE)]),
      storyViews: count,
      promptsShown: count,
      promptsInserted: count,
      storiesInserted: count,
      storiesShared: count,
      actionsTaken: count,
    }),
  ),
  /** Stories by engagement, each seen or used by at least k installs in every week shown. */
  topStories: z.array(z.object({ storyId: z.string(), views: count, inserted: count, shared: count })),
});
export type DepartmentDetail = z.infer<typeof DepartmentDetailSchema>;
