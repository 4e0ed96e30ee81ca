import { describe, expect, it } from 'vitest';
import { makeTestApp } from '../../support/test-app';

describe('GET /health', () => {
  it('answers ok', async () => {
    const { app } = await makeTestApp();
    const response = await app.request('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('answers 503 when the database cannot be reached', async () => {
    const { app, db } = await makeTestApp();
    db.close();
    const response = await app.request('/health');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
  });

  it('answers unknown paths with the API error shape', async () => {
    const { app } = await makeTestApp();
    const response = await app.request('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'Nothing at GET /api/v1/nothing-here.' } });
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const { app } = await makeTestApp();
    const response = await app.request('/api/v1/events');
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('POST');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('method_not_allowed');
  });
});
