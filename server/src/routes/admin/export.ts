import { EXPORT_FORMAT, type ContentExport } from '@customer-chair/shared/schemas/content-export';
import { Hono } from 'hono';
import type { AppDeps } from '../../deps';
import { apiError } from '../../http/api-error';
import { loadContentBundle } from '../../storage/queries/load-content-bundle';

/** `GET /api/v1/admin/export`: all content as one JSON file that the import restores (backup, or a move to another server). */
export function adminExportRoutes({ storage, clock, config }: AppDeps) {
  return new Hono().get('/', async (c) => {
    const bundle = await loadContentBundle(storage, config.timezone);
    if (!bundle) return apiError(c, 404, 'not_found', 'There is no content to export yet.');
    // The voice cards are answers to messages, not content a restore could bring back: not in the file.
    const { version, generatedAt: _generatedAt, timezone, voiceCards: _voiceCards, ...content } = bundle;
    const exportedAt = clock.now().toISOString();
    c.header('Content-Disposition', `attachment; filename="customer-chair-content-${exportedAt.slice(0, 10)}.json"`);
    return c.json<ContentExport>({ format: EXPORT_FORMAT, formatVersion: 1, exportedAt, version, timezone, ...content });
  });
}
