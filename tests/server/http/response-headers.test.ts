import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { completeResponse, withHeaders } from '../../../server/src/http/response-headers';

describe('withHeaders and completeResponse', () => {
  const app = new Hono()
    .use('*', (c, next) => withHeaders(c, { 'X-Outer': 'outer', 'X-Shared': 'outer' }, next))
    .use('*', (c, next) => withHeaders(c, { 'X-Inner': 'inner', 'X-Shared': 'inner' }, next))
    .get('/plain', (c) => {
      c.header('X-Shared', 'handler');
      return c.text('plain');
    })
    .get('/complete', (c) => completeResponse(c, 'complete', 200, { 'X-Own': 'own' }));

  it('puts every middleware header on an ordinary answer, never replacing one the handler set', async () => {
    const answer = await app.request('/plain');
    expect(answer.headers.get('X-Outer')).toBe('outer');
    expect(answer.headers.get('X-Inner')).toBe('inner');
    expect(answer.headers.get('X-Shared')).toBe('handler');
    expect(await answer.text()).toBe('plain');
  });

  it('writes a complete answer with the middleware headers (inner wins) and its own', async () => {
    const answer = await app.request('/complete');
    expect(Object.fromEntries(answer.headers)).toMatchObject({ 'x-outer': 'outer', 'x-inner': 'inner', 'x-shared': 'inner', 'x-own': 'own' });
    expect(await answer.text()).toBe('complete');
  });
});
