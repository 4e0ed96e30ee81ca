import { checkEventTimes } from '@customer-chair/shared/domain/check-event-times';
import { toApiIssues } from '@customer-chair/shared/schemas/api-error';
import { LIMITS } from '@customer-chair/shared/schemas/limits';
import { EventBatchSchema, type EventBatchResult } from '@customer-chair/shared/schemas/usage-event';
import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import { apiError } from '../http/api-error';
import { ingestBudget } from '../http/ingest-budget';
import { requestHeader } from '../http/request-header';
import { limitBody } from '../middleware/limit-body';
import { eventWriter } from '../storage/event-writer';
import { getCompanyTimezone } from '../storage/queries/get-company-timezone';
import { isKnownInstall } from '../storage/queries/is-known-install';

/**
 * `POST /api/v1/events`: stores a batch of usage events. The answer is sent
 * only after the transaction commits; a refused batch changes nothing.
 * Each install may send `RATE_LIMIT_EVENTS_PER_MINUTE` events a minute
 * (then 429 with Retry-After, which the extension honours), and each
 * network address may bring `NEW_INSTALLS_PER_ADDRESS_PER_DAY` new installs.
 */
export function eventRoutes({ storage, clock, config }: AppDeps) {
  const takeBudget = ingestBudget({
    perInstall: config.rateLimitEventsPerMinute,
    perAddress: config.rateLimitEventsPerAddressPerMinute,
    newInstallsPerAddress: config.newInstallsPerAddressPerDay,
    isKnownInstall: (installId) => isKnownInstall(storage, installId),
    clock,
  });
  const writer = eventWriter(storage);
  return new Hono().post(
    '/',
    limitBody(LIMITS.eventsBodyBytes, 'send fewer events per batch.'),
    async (c) => {
      const contentType = requestHeader(c, 'content-type') ?? '';
      if (!/^application\/json\s*(;|$)/i.test(contentType)) {
        return apiError(c, 415, 'unsupported_media_type', 'Send the batch as JSON with "Content-Type: application/json".');
      }
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return apiError(c, 400, 'invalid_json', 'The request body is not valid JSON.');
      }
      const parsed = EventBatchSchema.safeParse(body);
      if (!parsed.success) {
        const issues = toApiIssues(parsed.error);
        return apiError(c, 400, 'invalid_request', describe(issues.length), issues);
      }
      const now = clock.now();
      const timeIssues = checkEventTimes(parsed.data.events, now, config.retentionDays);
      if (timeIssues.length) return apiError(c, 400, 'invalid_request', describe(timeIssues.length), timeIssues);
      const limited = await takeBudget(c, parsed.data.events);
      if (limited) return limited;

      // Answered once committed, together with the batches that arrived alongside it (see eventWriter).
      const timezone = await getCompanyTimezone(storage, config.timezone);
      const result: EventBatchResult = await writer.store(parsed.data.events, timezone, now);
      return c.json(result, 200);
    },
  );
}

function describe(problems: number): string {
  return `The batch was refused (nothing was stored): ${problems} problem${problems === 1 ? '' : 's'}, listed in "issues".`;
}
