import { addDays, daysBetween, localDay } from '@customer-chair/shared/domain/local-day';
import { dailyStorySchedule, storyForDay } from '@customer-chair/shared/domain/pick-daily-story';
import { toApiIssues } from '@customer-chair/shared/schemas/api-error';
import { IsoDateSchema } from '@customer-chair/shared/schemas/common';
import type { Story } from '@customer-chair/shared/schemas/story';
import { ScheduleQuerySchema, ScheduleSetSchema, type Schedule, type ScheduleDay } from '@customer-chair/shared/schemas/schedule';
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../../deps';
import { apiError } from '../../http/api-error';
import { readJson } from '../../http/read-json';
import { changedBy } from '../../editing/refuse-stale';
import type { AdminVariables } from '../../middleware/require-admin';
import { findStoryRecord } from '../../storage/queries/find-story-record';
import { getCompanyTimezone } from '../../storage/queries/get-company-timezone';
import { getScheduledStory } from '../../storage/queries/get-scheduled-story';
import { insertAuditEntry } from '../../storage/queries/insert-audit-entry';
import { loadContentBundle } from '../../storage/queries/load-content-bundle';
import { setScheduledStory } from '../../storage/queries/set-scheduled-story';
import type { Queries } from '../../storage/storage';

/** Days shown when the request names no range: six weeks from today. */
export const DEFAULT_SCHEDULE_DAYS = 42;

function toScheduleDay({ day, story, scheduled }: { day: string; story: Story | undefined; scheduled: boolean }): ScheduleDay {
  return { day, story: story ? { id: story.id, title: story.title, customer: story.customer } : null, scheduled };
}

/** What `day` shows with the content as it is now. */
async function showing(q: Queries, timezone: string, day: string): Promise<ScheduleDay> {
  return toScheduleDay({ day, ...storyForDay((await loadContentBundle(q, timezone))!, day) });
}

/**
 * `/api/v1/admin/schedule`: what every day will show (the story a CX lead
 * picked, or the rotation's), and picking or releasing a day. Past days are
 * history and cannot be changed. Changes take the content lock (see
 * editItem), so "the day still shows what you saw" holds on every instance.
 */
export function adminScheduleRoutes({ storage, clock, config }: AppDeps) {
  /** The day in the path, if it is a real day from today on; otherwise the 400 answer. */
  function editableDay(c: Context, timezone: string): string | Response {
    const day = c.req.param('day')!;
    if (!IsoDateSchema.safeParse(day).success) {
      return apiError(c, 400, 'invalid_request', `"${day}" is not a day: use YYYY-MM-DD.`, [{ path: 'day', message: 'must be a date as YYYY-MM-DD' }]);
    }
    const today = localDay(clock.now(), timezone);
    if (day < today) {
      return apiError(c, 400, 'invalid_request', `${day} is in the past (today is ${today} in ${timezone}); only today and later days can be changed.`, [
        { path: 'day', message: 'is in the past' },
      ]);
    }
    return day;
  }

  return new Hono<{ Variables: AdminVariables }>()
    .get('/', async (c) => {
      const timezone = await getCompanyTimezone(storage, config.timezone);
      const today = localDay(clock.now(), timezone);
      const from = c.req.query('from') ?? today;
      const query = ScheduleQuerySchema.safeParse({ from, to: c.req.query('to') ?? addDays(from, DEFAULT_SCHEDULE_DAYS - 1) });
      if (!query.success) return apiError(c, 400, 'invalid_request', 'The range is not valid: use from=YYYY-MM-DD&to=YYYY-MM-DD.', toApiIssues(query.error));
      const bundle = (await loadContentBundle(storage, timezone))!;
      const days = dailyStorySchedule(bundle, query.data.from, daysBetween(query.data.from, query.data.to) + 1).map(toScheduleDay);
      return c.json<Schedule>({ timezone, today, days });
    })
    .put('/:day', async (c) => {
      const timezone = await getCompanyTimezone(storage, config.timezone);
      const day = editableDay(c, timezone);
      if (day instanceof Response) return day;
      const body = await readJson(c, ScheduleSetSchema);
      if (body instanceof Response) return body;
      const now = clock.now();
      return storage.transaction(async (tx) => {
        const story = await findStoryRecord(tx, body.storyId);
        if (!story) return apiError(c, 400, 'invalid_request', `There is no story "${body.storyId}".`, [{ path: 'storyId', message: 'unknown story' }]);
        if (story.archived) {
          return apiError(c, 409, 'conflict', `“${story.title}” is archived, so it cannot be scheduled; restore it first.`, [
            { path: 'storyId', message: 'is archived' },
          ]);
        }
        const current = (await getScheduledStory(tx, day)) ?? null;
        if (body.previous !== undefined && body.previous !== current) {
          return apiError(c, 409, 'conflict', `${day} was changed${await changedBy(tx, 'schedule', day, timezone)} since you opened the calendar; reload to see it. Nothing was saved.`, [
            { path: 'previous', message: `the day now shows ${current === null ? 'the rotation' : `"${current}"`}` },
          ]);
        }
        if (current !== story.id) {
          await setScheduledStory(tx, day, story.id, now);
          const was = current === null ? 'the rotation' : current;
          await insertAuditEntry(tx, { actor: c.var.admin, action: 'scheduled', entity: 'schedule', entityId: day, summary: `${story.id} (was ${was})` }, now);
        }
        return c.json<ScheduleDay>(await showing(tx, timezone, day));
      }, { lock: 'content' });
    })
    .delete('/:day', async (c) => {
      const timezone = await getCompanyTimezone(storage, config.timezone);
      const day = editableDay(c, timezone);
      if (day instanceof Response) return day;
      const now = clock.now();
      return storage.transaction(async (tx) => {
        const current = await getScheduledStory(tx, day);
        if (current !== undefined) {
          await setScheduledStory(tx, day, null, now);
          await insertAuditEntry(tx, { actor: c.var.admin, action: 'unscheduled', entity: 'schedule', entityId: day, summary: `back to the rotation (was ${current})` }, now);
        }
        return c.json<ScheduleDay>(await showing(tx, timezone, day));
      }, { lock: 'content' });
    });
}
