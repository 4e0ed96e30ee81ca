import { describe, expect, it } from 'vitest';
import { json, send } from '../../../support/admin-api';
import { makeTestApp, TEST_ADMIN_TOKEN } from '../../../support/test-app';

describe('GET /api/v1/admin/tokens', () => {
  it('lists who can sign in by label, never a token or its hash', async () => {
    const t = await makeTestApp();
    const response = await send(t, 'GET', '/tokens');
    const body = await json(response);
    expect(body).toEqual({ tokens: [{ id: 1, label: 'ADMIN_TOKEN (environment)', createdAt: '2026-11-23T10:00:00.000Z', revokedAt: null }] });
    expect(JSON.stringify(body)).not.toContain(TEST_ADMIN_TOKEN.slice(0, 10));
  });
});
