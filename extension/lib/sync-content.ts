import { ContentBundleSchema } from '@customer-chair/shared/schemas/content-bundle';
import { apiRequest, type ApiDeps } from './api-request';
import { cachedBundle, syncStatus, type SyncStatus } from './storage';

export type SyncDeps = ApiDeps & { now: () => number };

/**
 * Fetches the content bundle (If-None-Match, so an unchanged bundle costs a
 * 304), validates it with the shared schema and keeps it. A failed or bad
 * answer keeps the last good bundle and records why, for the options page.
 */
export async function syncContent(deps: SyncDeps): Promise<SyncStatus> {
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

  const reply = await apiRequest(deps, '/api/v1/content', {
    headers: { ...(cached?.source === 'server' && cached.etag && { 'If-None-Match': cached.etag }) },
  });
  if (!reply.ok) return record({ result: 'error', error: `${reply.message} Keeping the last good content.` });
  if (reply.status === 304) return record({ result: 'unchanged' });
  const bundle = await reply.read(ContentBundleSchema);
  if (!bundle.ok) return record({ result: 'error', error: `${bundle.message} Keeping the last good content.` });
  await cachedBundle.setValue({ bundle: bundle.value, etag: reply.headers.get('ETag') ?? undefined, source: 'server' });
  return record({ result: 'updated' });
}
