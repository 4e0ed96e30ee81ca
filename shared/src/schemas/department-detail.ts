import { z } from 'zod';
import { IsoDateSchema } from './common';
import { SurfaceSchema } from './usage-event';

const count = z.number().int().nonnegative();

/** `GET /api/v1/dashboard/departments/:id`: one department (only if at least k installs) in depth. */
export const DepartmentDetailSchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  minGroupSize: z.number().int().positive(),
  department: z.string(),
  activeInstalls: count,
  /** action_taken by role; roles with fewer than k installs fold into "other". */
  actionsByRole: z.record(z.string(), count),
  topActions: z.array(z.object({ actionId: z.string(), count })),
  /** Where the customer showed up: every event type counted per surface. */
  surfaces: z.array(
    z.object({ surface: SurfaceSchema, storyViews: count, promptsShown: count, promptsInserted: count, storiesInserted: count, storiesShared: count, actionsTaken: count }),
  ),
  topStories: z.array(z.object({ storyId: z.string(), views: count, inserted: count, shared: count })),
});
export type DepartmentDetail = z.infer<typeof DepartmentDetailSchema>;
