import type { ApiError, ApiErrorCode, ApiIssue } from '@customer-chair/shared/schemas/api-error';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Answers with the API's one error shape. */
export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  code: ApiErrorCode,
  message: string,
  issues?: ApiIssue[],
): Response {
  const body: ApiError = { error: issues ? { code, message, issues } : { code, message } };
  return c.json(body, status);
}
