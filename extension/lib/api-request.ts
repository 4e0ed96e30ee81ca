import { ApiErrorSchema, toApiIssues, type ApiIssue } from '@customer-chair/shared/schemas/api-error';
import type { z } from 'zod';
import type { Profile } from './profile';

/*
 * The extension's one way to ask its server (the content and validation
 * syncs, the event queue, the nomination and voice pages): the server's
 * address and the enrollment key from the settings in force, a time-out,
 * Retry-After, and every failure in one sentence for the employee with a
 * kind the caller can act on.
 */

export type ApiDeps = {
  fetch: typeof fetch;
  /** The settings in force: where the server is and the enrollment key. */
  profile: () => Promise<Profile>;
  /** REQUEST_TIMEOUT_MS unless a test wants less. */
  timeoutMs?: number;
  /** For a Retry-After given as a date; Date.now unless a test wants another clock. */
  now?: () => number;
};

/** A request not answered by then is given up, and said so (a hung server must not hold a sync or the queue). */
export const REQUEST_TIMEOUT_MS = 20_000;

/**
 * Why a request gave no usable answer:
 * `offline` (no answer at all: no network, the server down or not at that address),
 * `timeout` (no answer in time, or the server gave up waiting: 408),
 * `unauthorized` (401: the enrollment key is missing or wrong, a setting to fix),
 * `refused` (another 4xx: the server said no, in its own words, with the fields it named),
 * `rate-limited` (429: too many, for now or for today),
 * `server-error` (5xx: the server failed),
 * `unreadable` (an answer that is not what the contract says).
 * `retryAfterMs` is the wait the server asked for with Retry-After, if any.
 */
export type FailureKind = 'offline' | 'timeout' | 'unauthorized' | 'refused' | 'rate-limited' | 'server-error' | 'unreadable';
export type Failure = { ok: false; kind: FailureKind; status?: number; message: string; issues?: ApiIssue[]; retryAfterMs?: number };
export type Answer<T> = { ok: true; value: T } | Failure;

/** A 2xx (or a 304 to If-None-Match): its status and headers, and its body read against the contract. */
export type Reply = { ok: true; status: number; headers: Headers; read<T>(schema: z.ZodType<T>): Promise<Answer<T>> };

/** No answer came: worth trying again as is, once the network or the server is back. */
export function unanswered(failure: Failure): boolean {
  return failure.kind === 'offline' || failure.kind === 'timeout';
}

/**
 * Sends a request to the configured server, with the enrollment key when
 * there is one. Answers the reply for a 2xx or 304 (its body unread), else
 * a Failure in words.
 */
export async function apiRequest(deps: ApiDeps, path: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Reply | Failure> {
  const { serverUrl, enrollmentKey } = await deps.profile();
  const timeoutMs = deps.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const noAnswer = (error: unknown): Failure =>
    (error as Error)?.name === 'TimeoutError'
      ? { ok: false, kind: 'timeout', message: `The server at ${serverUrl} did not answer within ${timeoutMs / 1000} s.` }
      : { ok: false, kind: 'offline', message: `Cannot reach the server at ${serverUrl}: you may be offline, or it may be down.` };
  let url: URL;
  try {
    url = new URL(path, serverUrl);
  } catch {
    return { ok: false, kind: 'offline', message: `The server address “${serverUrl}” is not a web address. Check it in the extension’s settings.` };
  }
  let response: Response;
  try {
    response = await deps.fetch(url, {
      ...init,
      headers: { ...init.headers, ...(enrollmentKey && { Authorization: `Bearer ${enrollmentKey}` }) },
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return noAnswer(error);
  }
  if (response.ok || response.status === 304) {
    return {
      ok: true,
      status: response.status,
      headers: response.headers,
      async read<T>(schema: z.ZodType<T>): Promise<Answer<T>> {
        let body: unknown;
        try {
          body = await response.json();
        } catch (error) {
          // The time-out covers the body too: a server that stops half-way did not answer.
          if ((error as Error)?.name === 'TimeoutError') return noAnswer(error);
          return { ok: false, kind: 'unreadable', status: response.status, message: 'The server sent an answer that is not JSON. Is the server address right?' };
        }
        const parsed = schema.safeParse(body);
        if (parsed.success) return { ok: true, value: parsed.data };
        const first = toApiIssues(parsed.error)[0];
        return { ok: false, kind: 'unreadable', status: response.status, message: `The server sent an answer this extension cannot read (${first?.path}: ${first?.message}). It may be a different version.` };
      },
    };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  return refusal(response, body, deps.now?.() ?? Date.now());
}

/** Sends a request and reads its answer against the contract (the nomination and voice pages). */
export async function apiJson<T>(deps: ApiDeps, path: string, init: RequestInit & { headers?: Record<string, string> }, schema: z.ZodType<T>): Promise<Answer<T>> {
  const reply = await apiRequest(deps, path, init);
  return reply.ok ? reply.read(schema) : reply;
}

/** A 4xx or 5xx in words: the server's own (the API's one error shape) where it sent them, a plain status where not. */
function refusal(response: Response, body: unknown, now: number): Failure {
  const { status } = response;
  const error = ApiErrorSchema.safeParse(body);
  const said = error.success ? error.data.error.message : undefined;
  const answered = `The server answered ${status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), now);
  const wait = retryAfterMs === undefined ? '' : ` The server asked to wait ${inWords(retryAfterMs)}.`;
  const failure = (kind: FailureKind, message: string): Failure => ({
    ok: false,
    kind,
    status,
    message,
    ...(error.success && error.data.error.issues && { issues: error.data.error.issues }),
    ...(retryAfterMs !== undefined && { retryAfterMs }),
  });
  if (status === 401) return failure('unauthorized', `The server refused the enrollment key${said ? `: ${said}` : ` (${status}).`} Check it in the extension’s settings.`);
  if (status === 429) return failure('rate-limited', `${said ?? `${answered}.`}${wait}`);
  if (status === 408) return failure('timeout', `${said ?? `${answered}: it gave up waiting for the request.`}${wait}`);
  if (status >= 500) return failure('server-error', `${said ? `${answered}: ${said}` : `${answered}.`}${wait}`);
  return failure('refused', said ?? `${answered}.`);
}

/** Retry-After in ms, given as seconds or as an HTTP date; undefined when absent or unreadable. */
function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value?.trim()) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A wait as a person says it: 45 s, 10 min, 2 h. */
function inWords(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 120 * 60) return `${Math.ceil(seconds / 60)} min`;
  return `${Math.ceil(seconds / 3600)} h`;
}
