import { z } from 'zod';
import { daysBetween } from '../domain/local-day';
import { IdSchema, IsoDateSchema } from './common';
import { LIMITS } from './limits';

/** `GET /api/v1/admin/schedule?from&to`: a range of company-local days. */
export const ScheduleQuerySchema = z
  .object({ from: IsoDateSchema, to: IsoDateSchema })
  .refine((q) => q.from <= q.to, { path: ['from'], message: 'must not be after "to"' })
  .refine((q) => daysBetween(q.from, q.to) < LIMITS.scheduleDays, {
    path: ['to'],
    message: `range must be at most ${LIMITS.scheduleDays} days`,
  });

/** What one day shows: the story a CX lead picked, or the rotation's. */
export const ScheduleDaySchema = z.object({
  day: IsoDateSchema,
  /** The story shown that day; null when there is no story to show at all. */
  story: z.object({ id: IdSchema, title: z.string(), customer: z.string() }).nullable(),
  /** True when a CX lead picked the story; false when the rotation did. */
  scheduled: z.boolean(),
});
export type ScheduleDay = z.infer<typeof ScheduleDaySchema>;

export const ScheduleSchema = z.object({
  timezone: z.string(),
  /** Today in the company's time zone: days before it cannot be changed. */
  today: IsoDateSchema,
  days: z.array(ScheduleDaySchema),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

/**
 * `PUT /api/v1/admin/schedule/:day`: show `storyId` that day. `previous` (the
 * story id the editor showed as picked, or null for the rotation) guards
 * against overwriting another CX lead's pick made meanwhile.
 */
export const ScheduleSetSchema = z.strictObject({
  storyId: IdSchema,
  previous: IdSchema.nullable().optional(),
});
export type ScheduleSet = z.infer<typeof ScheduleSetSchema>;
