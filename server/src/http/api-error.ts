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

/** 400 for input that breaks a rule, naming every field in the message too: nothing was saved. */
export function invalidRequest(c: Context, issues: ApiIssue[]): Response {
  return apiError(c, 400, 'invalid_request', `Nothing was saved: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`, issues);
}
