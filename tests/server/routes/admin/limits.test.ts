import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../shared/src/schemas/limits';
import { json, send } from '../../../support/admin-api';
import { makeTestApp } from '../../../support/test-app';

describe('GET /api/v1/admin/limits', () => {
  it('gives the dashboard every length bound for its "characters left" hints', async () => {
    const t = await makeTestApp();
    expect(await json(send(t, 'GET', '/limits'))).toEqual({ limits: LIMITS });
  });
});
