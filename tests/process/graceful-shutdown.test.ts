import { SqliteDatabase as Database } from '../../server/src/storage/sqlite/sqlite-driver';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeEvent } from '../support/make-event';
import { startServer, type RunningServer } from '../support/start-server';

const folder = mkdtempSync(join(tmpdir(), 'cc-shutdown-'));
const databasePath = join(folder, 'cc.db');
let server: RunningServer | undefined;

afterAll(async () => {
  await server?.kill();
  rmSync(folder, { recursive: true, force: true });
});

/** Starts a POST whose body arrives in two parts; resolves with the raw answer once the server replies. */
function slowPost(port: number, body: string) {
  const socket = connect(port, '127.0.0.1');
  let answer = '';
  socket.on('data', (chunk) => (answer += chunk.toString()));
  const done = new Promise<string>((resolve) => socket.on('close', () => resolve(answer)));
  socket.on('error', () => undefined);
  const half = Math.floor(body.length / 2);
  const sent = new Promise<void>((resolve) =>
    socket.write(
      `POST /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, half)}`,
      () => resolve(),
    ),
  );
  return { sent, finish: () => socket.write(body.slice(half)), done };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('graceful shutdown on SIGTERM', () => {
  it('finishes the request in flight, refuses new connections, closes the database cleanly and exits 0', async () => {
    server = await startServer({ databasePath, env: { RATE_LIMIT_EVENTS_PER_MINUTE: '0' } });
    const at = new Date().toISOString();
    const events = Array.from({ length: 400 }, () => makeEvent({ at }));
    const inFlight = slowPost(server.port, JSON.stringify({ events }));
    await inFlight.sent;
    // Let the server start on the request before the signal.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const exited = new Promise<number | null>((resolve) => server!.process.once('exit', (code) => resolve(code)));
    server.process.kill('SIGTERM');
    await expect.poll(() => server!.output(), { timeout: 10_000 }).toMatch(/SIGTERM: finishing requests in flight/);
    expect(await canConnect(server.port)).toBe(false);

    // The client sends the rest of its body only now; the answer still comes, and it is a success.
    inFlight.finish();
    const answer = await inFlight.done;
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toContain('{"accepted":400,"duplicates":0}');
    expect(await exited).toBe(0);

    // Closed cleanly: the write-ahead log was checkpointed into the file and removed.
    expect(existsSync(`${databasePath}-wal`) ? statSync(`${databasePath}-wal`).size : 0).toBe(0);
    const db = new Database(databasePath, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 400 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    // The request log has that request, as a JSON line with nothing about the client.
    const lines = server.output().split('\n').filter((l) => l.startsWith('{'));
    const posted = lines.map((l) => JSON.parse(l)).find((l) => l.route === '/api/v1/events');
    expect(posted).toMatchObject({ method: 'POST', route: '/api/v1/events', status: 200 });
    expect(posted.bytes).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toMatch(/127\.0\.0\.1|installId|[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });
});
