import { describe, expect, it } from 'vitest';
import { AdminTokenListSchema } from '../../../../shared/src/schemas/admin-token';
import { hashToken } from '../../../../server/src/auth/tokens';
import { insertAdminToken } from '../../../../server/src/storage/queries/insert-admin-token';
import { json, send } from '../../../support/admin-api';
import { makeTestApp, TEST_ADMIN_TOKEN } from '../../../support/test-app';

describe('GET /api/v1/admin/tokens', () => {
  it('lists who can sign in by label, with each role and a judge’s department, never a token or its hash', async () => {
    const t = await makeTestApp();
    await insertAdminToken(t.storage, 'Jo (judge)', hashToken('jo-judge-token-0123456789abcdef'), t.clock.now(), { role: 'judge', department: 'sales' });
    await insertAdminToken(t.storage, 'Vi (viewer)', hashToken('vi-viewer-token-0123456789abcdef'), t.clock.now(), { role: 'viewer' });
    const response = await send(t, 'GET', '/tokens');
    const body = await json(response);
    const createdAt = '2026-11-23T10:00:00.000Z';
    expect(body).toEqual({
      tokens: [
        { id: 1, label: 'ADMIN_TOKEN (environment)', role: 'admin', department: null, createdAt, revokedAt: null },
        { id: 2, label: 'Jo (judge)', role: 'judge', department: 'sales', createdAt, revokedAt: null },
        { id: 3, label: 'Vi (viewer)', role: 'viewer', department: null, createdAt, revokedAt: null },
      ],
    });
    expect(AdminTokenListSchema.parse(body)).toEqual(body);
    expect(JSON.stringify(body)).not.toContain(TEST_ADMIN_TOKEN.slice(0, 10));
    expect(JSON.stringify(body)).not.toContain(hashToken(TEST_ADMIN_TOKEN).slice(0, 10));
  });
});
