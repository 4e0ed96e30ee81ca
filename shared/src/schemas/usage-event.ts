import { z } from 'zod';
import { IdSchema, UtcInstantSchema } from './common';
import { LIMITS } from './limits';

export const EVENT_TYPES = [
  'story_viewed',
  'prompt_shown',
  'prompt_inserted',
  'story_inserted',
  'story_shared',
  'action_taken',
  /** "Thank <department>" on a story that credits it: counted once per story, credited department and install (the `thanks` table), never as usage. */
  'team_thanked',
] as const;
export const EventTypeSchema = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventTypeSchema>;

export const SURFACES = ['newtab', 'popup', 'meet', 'zoom', 'teams', 'calendar', 'outlook', 'context-menu'] as const;
export const SurfaceSchema = z.enum(SURFACES);
export type Surface = z.infer<typeof SurfaceSchema>;

/** Which content id each event type must carry. */
export const REQUIRED_CONTENT_ID = {
  story_viewed: 'storyId',
  prompt_shown: 'promptId',
  prompt_inserted: 'promptId',
  story_inserted: 'storyId',
  story_shared: 'storyId',
  action_taken: 'actionId',
  team_thanked: 'storyId',
} as const satisfies Record<EventType, 'storyId' | 'promptId' | 'actionId'>;

/** The event types counted as usage (stats, roll-ups); a thanks is counted apart, for the department thanked. */
export type UsageEventType = Exclude<EventType, 'team_thanked'>;

/**
 * One thing an employee did, with nothing that names them: a random install
 * id, their department and role, and content ids. `strict` so a client can
 * never smuggle in another field (a URL, a name) unnoticed.
 */
export const UsageEventSchema = z
  .strictObject({
    /** Client-made, time-ordered UUIDv7; replays of an id are counted once. */
    id: z.uuid(),
    installId: z.uuid(),
    type: EventTypeSchema,
    department: IdSchema,
    role: IdSchema,
    surface: SurfaceSchema,
    at: UtcInstantSchema,
    storyId: IdSchema.optional(),
    promptId: IdSchema.optional(),
    actionId: IdSchema.optional(),
    /** team_thanked only: the credited department thanked (never the sender's own). */
    thankedDepartment: IdSchema.optional(),
  })
  .superRefine((event, ctx) => {
    const field = REQUIRED_CONTENT_ID[event.type];
    if (event[field] === undefined) {
      ctx.addIssue({ code: 'custom', path: [field], message: `is required for ${event.type} events` });
    }
    if (event.type === 'team_thanked') {
      if (event.thankedDepartment === undefined) {
        ctx.addIssue({ code: 'custom', path: ['thankedDepartment'], message: 'is required for team_thanked events' });
      } else if (event.thankedDepartment === event.department) {
        ctx.addIssue({ code: 'custom', path: ['thankedDepartment'], message: 'must be another department than the sender\'s own (colleagues thank a team they are not in)' });
      }
    } else if (event.thankedDepartment !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['thankedDepartment'], message: 'is only for team_thanked events' });
    }
  });
export type UsageEvent = z.infer<typeof UsageEventSchema>;

export const EventBatchSchema = z.strictObject({
  events: z.array(UsageEventSchema).min(1).max(LIMITS.eventsPerBatch),
});
export type EventBatch = z.infer<typeof EventBatchSchema>;

export const EventBatchResultSchema = z.object({
  accepted: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
});
export type EventBatchResult = z.infer<typeof EventBatchResultSchema>;
