import { ApiErrorSchema, toApiIssues, type ApiIssue } from '@customer-chair/shared/schemas/api-error';
import type { z } from 'zod';
import type { Profile } from './profile';

/*
 * The extension pages' one way to ask the server (the nomination and voice
 * pages): the enrollment key, a timeout, the answer checked against the
 * shared schema, and every failure in words for the employee.
 */

export type ApiDeps = {
  fetch: typeof fetch;
  /** The settings in force: where the server is and the enrollment key. */
  profile: () => Promise<Profile>;
  /** REQUEST_TIMEOUT_MS unless a test wants less. */
  timeoutMs?: number;
};

/** A request not answered by then is given up, and said so. */
export const REQUEST_TIMEOUT_MS = 20_000;

/**
 * Why a request did not give an answer, in words for the employee:
 * `offline` (no answer at all: no network, or the server is down),
 * `refused` (the server said no: its own message, and the fields it named),
 * `unreadable` (an answer that is not what the contract says).
 */
export type Failure = { ok: false; kind: 'offline' | 'refused' | 'unreadable'; status?: number; message: string; issues?: ApiIssue[] };
export type Answer<T> = { ok: true; value: T } | Failure;

export async function request<T>(deps: ApiDeps, path: string, init: RequestInit & { headers?: Record<string, string> }, schema: z.ZodType<T>): Promise<Answer<T>> {
  const profile = await deps.profile();
  const timeoutMs = deps.timeoutMs ?? REQUEST_TIMEOUT_MS;
  let response: Response;
  try {
    response = await deps.fetch(new URL(path, profile.serverUrl), {
      ...init,
      headers: { ...init.headers, ...(profile.enrollmentKey && { Authorization: `Bearer ${profile.enrollmentKey}` }) },
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') {
      return { ok: false, kind: 'offline', message: `The server at ${profile.serverUrl} did not answer within ${timeoutMs / 1000} s.` };
    }
    return { ok: false, kind: 'offline', message: `Cannot reach the server at ${profile.serverUrl}: you may be offline, or it may be down.` };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) return refusal(response, body);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const first = toApiIssues(parsed.error)[0];
    return { ok: false, kind: 'unreadable', status: response.status, message: `The server sent an answer this extension cannot read (${first?.path}: ${first?.message}). It may be a different version.` };
  }
  return { ok: true, value: parsed.data };
}

/** The server's own words for a refusal (the API's one error shape); a plain status when it sent none. */
function refusal(response: Response, body: unknown): Failure {
  const error = ApiErrorSchema.safeParse(body);
  const said = error.success ? error.data.error.message : `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  const message = response.status === 401 ? `The server refused the enrollment key: ${said} Check it in the extension’s settings.` : said;
  return { ok: false, kind: 'refused', status: response.status, message, ...(error.success && error.data.error.issues && { issues: error.data.error.issues }) };
}
