import { toApiIssues } from '@customer-chair/shared/schemas/api-error';
import { ValidationFiguresSchema } from '@customer-chair/shared/schemas/validation';
import type { Profile } from './profile';
import { validation } from './storage';

export type ValidationSyncDeps = { fetch: typeof fetch; now: () => number; profile: () => Promise<Profile>; requestTimeoutMs?: number };

export type ValidationSyncResult = { result: 'updated' | 'unchanged' | 'skipped' | 'error'; error?: string };

/** A validation request not answered by then is abandoned; the last figures stay. */
export const VALIDATION_TIMEOUT_MS = 20_000;

/**
 * Fetches the own department's validation figures (the request carries the
 * department and nothing else; If-None-Match, so unchanged figures cost a
 * 304), validates them with the shared schema and keeps them for the new
 * tab, which paints them from storage. Any failure keeps the last figures.
 */
export async function syncValidation(deps: ValidationSyncDeps): Promise<ValidationSyncResult> {
  const profile = await deps.profile();
  const department = profile.department;
  if (!department) return { result: 'skipped' };
  const cached = await validation.getValue();
  const timeoutMs = deps.requestTimeoutMs ?? VALIDATION_TIMEOUT_MS;
  const url = new URL('/api/v1/validation', profile.serverUrl);
  url.searchParams.set('department', department);
  let response: Response;
  try {
    response = await deps.fetch(url, {
      headers: {
        // Another department's ETag would answer for the wrong figures.
        ...(cached?.department === department && cached.etag && { 'If-None-Match': cached.etag }),
        ...(profile.enrollmentKey && { Authorization: `Bearer ${profile.enrollmentKey}` }),
      },
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return { result: 'error', error: `${profile.serverUrl} did not answer within ${timeoutMs / 1000} s; keeping the last figures.` };
    return { result: 'error', error: `Cannot reach ${profile.serverUrl} (${(error as Error).message}).` };
  }
  if (response.status === 304 && cached?.department === department) {
    await validation.setValue({ ...cached, fetchedAt: new Date(deps.now()).toISOString() });
    return { result: 'unchanged' };
  }
  if (!response.ok) {
    const reason = response.status === 401 ? 'the enrollment key is missing or wrong' : `HTTP ${response.status}`;
    return { result: 'error', error: `The server refused the validation request: ${reason}.` };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { result: 'error', error: 'The server sent validation figures that are not JSON; keeping the last figures.' };
  }
  const parsed = ValidationFiguresSchema.safeParse(body);
  if (!parsed.success) {
    const first = toApiIssues(parsed.error)[0];
    return { result: 'error', error: `The server sent invalid validation figures (${first?.path}: ${first?.message}); keeping the last figures.` };
  }
  if (parsed.data.department !== department) return { result: 'error', error: 'The server sent the figures of another department; keeping the last figures.' };
  await validation.setValue({ department, figures: parsed.data, etag: response.headers.get('ETag') ?? undefined, fetchedAt: new Date(deps.now()).toISOString() });
  return { result: 'updated' };
}
