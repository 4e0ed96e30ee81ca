import { describe, expect, it } from 'vitest';
import { sql } from '../../../../server/src/storage/sql';
import { ContentExportSchema } from '../../../../shared/src/schemas/content-export';
import { send } from '../../../support/admin-api';
import { makeTestApp } from '../../../support/test-app';

describe('GET /api/v1/admin/export', () => {
  it('downloads all content, archived stories and the time zone included, as a file the import accepts', async () => {
    const t = await makeTestApp({ config: { timezone: 'Europe/Paris' } });
    await t.storage.run(sql`UPDATE stories SET archived = 1 WHERE id = 'night-shift-login'`);
    const response = await send(t, 'GET', '/export');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="customer-chair-content-2026-11-23.json"');
    const file = ContentExportSchema.parse(await response.json());
    expect(file).toMatchObject({ format: 'customer-chair-content', formatVersion: 1, timezone: 'Europe/Paris', exportedAt: '2026-11-23T10:00:00.000Z' });
    expect(file.stories.find((s) => s.id === 'night-shift-login')?.archived).toBe(true);
    expect((await send(t, 'GET', '/export', undefined, {})).status).toBe(401);
  });
});
