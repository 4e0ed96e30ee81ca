import { createHash } from 'node:crypto';
import { localDay } from '@customer-chair/shared/domain/local-day';
import { planValidation, validationPeriods } from '@customer-chair/shared/domain/plan-validation';
import { toApiIssues } from '@customer-chair/shared/schemas/api-error';
import { ValidationQuerySchema, type ValidationFigures } from '@customer-chair/shared/schemas/validation';
import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import { apiError } from '../http/api-error';
import { requestHeader } from '../http/request-header';
import { getCompanyTimezone } from '../storage/queries/get-company-timezone';
import { getValidationInput } from '../storage/queries/get-validation-input';
import { listDepartmentRecords } from '../storage/queries/list-department-records';

/** Where the extension asks for its department's validation line (the app puts the extensions' CORS and the enrollment key in front). */
export const VALIDATION_PATH = '/api/v1/validation';

/** The extension keeps the answer, but asks again (with If-None-Match) before showing it as current. */
const CACHE_CONTROL = 'private, no-cache';

/**
 * `GET /api/v1/validation?department=<id>`: the figures of the validation
 * line on the new tab of that department's members (planValidation): its
 * "I did this" this week and last week and the thanks it received this
 * month, each only when the department had at least MIN_GROUP_SIZE active
 * installs in that period. Worked out on every request from the roll-ups
 * held in memory (no cache of its own). A weak ETag of the figures
 * (generatedAt left out: the same figures are the same answer) answers a
 * matching If-None-Match with 304.
 */
export function validationRoutes({ storage, clock, config }: AppDeps) {
  return new Hono().get('/', async (c) => {
    const query = ValidationQuerySchema.safeParse(c.req.query());
    if (!query.success) {
      return apiError(c, 400, 'invalid_request', 'Use ?department=<the department id the extension was set up with>.', toApiIssues(query.error));
    }
    const { department } = query.data;
    if (c.req.queries('department')!.length > 1) {
      return apiError(c, 400, 'invalid_request', 'Give one department: ?department=<id>.', [{ path: 'department', message: 'must be given once' }]);
    }
    if ((await listDepartmentRecords(storage, department)).length === 0) {
      return apiError(c, 404, 'not_found', `No department “${department}”: the extension's department may have been deleted or renamed.`, [
        { path: 'department', message: 'is no department of the company' },
      ]);
    }
    const now = clock.now();
    const day = localDay(now, await getCompanyTimezone(storage, config.timezone));
    const periods = validationPeriods(day);
    const figures = planValidation(
      { department, day, generatedAt: now.toISOString(), periods, ...(await getValidationInput(storage, department, periods)) },
      config.minGroupSize,
    );
    const etag = figuresEtag(figures);
    const headers = { ETag: etag, 'Cache-Control': CACHE_CONTROL };
    if (matches(requestHeader(c, 'if-none-match'), etag)) return c.body(null, 304, headers);
    return c.json<ValidationFigures>(figures, 200, headers);
  });
}

/** A weak ETag of everything but the moment the figures were worked out. */
function figuresEtag({ generatedAt: _, ...figures }: ValidationFigures): string {
  return `W/"${createHash('sha256').update(JSON.stringify(figures)).digest('base64url').slice(0, 22)}"`;
}

/** Whether If-None-Match names `etag` (weak comparison, as for GET), or is `*`. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim() === '*' || opaque(candidate) === opaque(etag));
}
