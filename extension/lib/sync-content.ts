import { toApiIssues } from '@customer-chair/shared/schemas/api-error';
import { ContentBundleSchema } from '@customer-chair/shared/schemas/content-bundle';
import type { Profile } from './profile';
import { cachedBundle, syncStatus, type SyncStatus } from './storage';

export type SyncDeps = { fetch: typeof fetch; now: () => number; profile: () => Promise<Profile>; requestTimeoutMs?: number };

/** A content request not answered by then is abandoned; the last good content stays. */
export const CONTENT_TIMEOUT_MS = 20_000;

/**
 * Fetches the content bundle (If-None-Match, so an unchanged bundle costs a
 * 304), validates it with the shared schema and keeps it. A failed or bad
 * answer keeps the last good bundle and records why, for the options page.
 */
export async function syncContent(deps: SyncDeps): Promise<SyncStatus> {
  const profile = await deps.profile();
  const cached = await cachedBundle.getValue();
  const attemptAt = new Date(deps.now()).toISOString();
  const previous = await syncStatus.getValue();
  const record = async (status: SyncStatus) => {
    const next = { ...previous, ...status, lastAttemptAt: attemptAt };
    if (status.result !== 'error') {
      next.lastSuccessAt = attemptAt;
      delete next.error;
    }
    await syncStatus.setValue(next);
    return next;
  };

  const timeoutMs = deps.requestTimeoutMs ?? CONTENT_TIMEOUT_MS;
  let response: Response;
  try {
    response = await deps.fetch(new URL('/api/v1/content', profile.serverUrl), {
      headers: {
        ...(cached?.source === 'server' && cached.etag && { 'If-None-Match': cached.etag }),
        ...(profile.enrollmentKey && { Authorization: `Bearer ${profile.enrollmentKey}` }),
      },
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') {
      return record({ result: 'error', error: `${profile.serverUrl} did not answer within ${timeoutMs / 1000} s; keeping the last good content.` });
    }
    return record({ result: 'error', error: `Cannot reach ${profile.serverUrl} (${(error as Error).message}).` });
  }
  if (response.status === 304) return record({ result: 'unchanged' });
  if (!response.ok) {
    const reason = response.status === 401 ? 'the enrollment key is missing or wrong' : `HTTP ${response.status}`;
    return record({ result: 'error', error: `The server refused the content request: ${reason}.` });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return record({ result: 'error', error: 'The server sent content that is not JSON; keeping the last good content.' });
  }
  const parsed = ContentBundleSchema.safeParse(body);
  if (!parsed.success) {
    const first = toApiIssues(parsed.error)[0];
    return record({ result: 'error', error: `The server sent invalid content (${first?.path}: ${first?.message}); keeping the last good content.` });
  }
  await cachedBundle.setValue({ bundle: parsed.data, etag: response.headers.get('ETag') ?? undefined, source: 'server' });
  return record({ result: 'updated' });
}
