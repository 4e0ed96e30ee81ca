import { toApiIssues } from '@customer-chair/shared/schemas/api-error';
import type { Context } from 'hono';
import type { z } from 'zod';
import { apiError, invalidRequest } from './api-error';

/**
 * The request's JSON body checked against `schema`, or the answer to send:
 * 415 when it is not JSON, 400 when it does not parse or fails the schema,
 * with every field named (in the message too, for people reading it).
 */
export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T> | Response> {
  if (!/^application\/json\s*(;|$)/i.test(c.req.header('Content-Type') ?? '')) {
    return apiError(c, 415, 'unsupported_media_type', 'Send the body as JSON with "Content-Type: application/json".');
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    return apiError(c, 400, 'invalid_json', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  return invalidRequest(c, toApiIssues(parsed.error));
}
