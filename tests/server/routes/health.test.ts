import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../server/src/app';
import { postgresStorage } from '../../../server/src/storage/postgres/postgres-storage';
import type { Storage } from '../../../server/src/storage/storage';
import { makeTestApp } from '../../support/test-app';
import { testEngine } from '../../support/test-storage';

/** A TCP relay to PostgreSQL that the test can cut (connections refused, open ones dropped) and restore. */
async function cuttableRelay(target: URL) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const up = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });
  const down = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server!.close(() => resolve());
    });
  await up();
  return { port: () => port, up, down };
}

describe('GET /health', () => {
  it('answers ok', async () => {
    const { app } = await makeTestApp();
    const response = await app.request('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('answers 503 when the database cannot be reached', async () => {
    const { app, storage } = await makeTestApp();
    await storage.close();
    const response = await app.request('/health');
    expect(response.status).toBe(503);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
  });

  it('answers 503 when a ping fails, whatever the reason', async () => {
    const t = await makeTestApp();
    const failing: Storage = { ...t.storage, ping: () => Promise.reject(new Error('connection refused')) };
    const app = createApp({ storage: failing, clock: t.clock, config: t.config });
    expect((await app.request('/health')).status).toBe(503);
  });

  it.skipIf(testEngine() !== 'postgres')('on PostgreSQL: 503 while the server is unreachable, 200 again once it is back, without a restart', async () => {
    const t = await makeTestApp();
    const target = new URL((t.storage as Storage & { pool: { options: { connectionString: string } } }).pool.options.connectionString);
    const relay = await cuttableRelay(target);
    const url = new URL(target.href);
    url.hostname = '127.0.0.1';
    url.port = String(relay.port());
    const storage = postgresStorage({ url: url.href, poolSize: 2, statementTimeoutMs: 5_000, connectTimeoutMs: 1_000 });
    const app = createApp({ storage, clock: t.clock, config: t.config });
    try {
      expect((await app.request('/health')).status).toBe(200);
      await relay.down();
      for (let i = 0; i < 3; i++) {
        const response = await app.request('/health');
        expect(response.status).toBe(503);
        expect(await response.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
      }
      await relay.up();
      expect((await app.request('/health')).status).toBe(200);
    } finally {
      await relay.down();
      await storage.close();
    }
  });

  it.skipIf(testEngine() !== 'postgres')('on PostgreSQL: 503 when nothing listens where the database should be', async () => {
    const t = await makeTestApp();
    const nobody = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const storage = postgresStorage({ url: `postgres://nobody@127.0.0.1:${nobody}/nothing`, poolSize: 1, statementTimeoutMs: 5_000, connectTimeoutMs: 1_000 });
    try {
      const response = await createApp({ storage, clock: t.clock, config: t.config }).request('/health');
      expect(response.status).toBe(503);
    } finally {
      await storage.close();
    }
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
