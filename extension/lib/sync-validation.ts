import { ValidationFiguresSchema } from '@customer-chair/shared/schemas/validation';
import { apiRequest, type ApiDeps } from './api-request';
import { validation } from './storage';

export type ValidationSyncDeps = ApiDeps & { now: () => number };

export type ValidationSyncResult = { result: 'updated' | 'unchanged' | 'skipped' | 'error'; error?: string };

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
  // Another department's ETag would answer for the wrong figures.
  const etag = cached?.department === department ? cached.etag : undefined;
  const reply = await apiRequest({ ...deps, profile: async () => profile }, `/api/v1/validation?${new URLSearchParams({ department })}`, {
    headers: { ...(etag && { 'If-None-Match': etag }) },
  });
  if (!reply.ok) return { result: 'error', error: `${reply.message} Keeping the last figures.` };
  if (reply.status === 304 && cached?.department === department) {
    await validation.setValue({ ...cached, fetchedAt: new Date(deps.now()).toISOString() });
    return { result: 'unchanged' };
  }
  const figures = await reply.read(ValidationFiguresSchema);
  if (!figures.ok) return { result: 'error', error: `${figures.message} Keeping the last figures.` };
  if (figures.value.department !== department) return { result: 'error', error: 'The server sent the figures of another department. Keeping the last figures.' };
  await validation.setValue({ department, figures: figures.value, etag: reply.headers.get('ETag') ?? undefined, fetchedAt: new Date(deps.now()).toISOString() });
  return { result: 'updated' };
}
