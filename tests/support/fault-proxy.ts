import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FaultMode =
  /** Forward to the real server and relay its answer. */
  | 'pass'
  /** Answer 500 without forwarding. */
  | 'error-500'
  /** Answer 429 with Retry-After without forwarding. */
  | 'rate-limited'
  /** Forward, let the server commit, and never relay the answer (the acknowledgement is lost). */
  | 'hang-after-commit';

export type FaultProxy = {
  url: string;
  mode: FaultMode;
  retryAfterSeconds: number;
  /** Every event id the extension tried to send, whatever happened to it. */
  seen: Set<string>;
  /** What each request met: "POST /api/v1/events error-500". */
  log: string[];
  /** Stops listening and cuts every connection: the server is down (connection refused). */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
};

/**
 * A small fault injector between the extension and the real server, on
 * loopback: the test switches `mode` and the extension meets that fault on
 * its next request. Hung requests are let go when the proxy closes.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => void handle(req, res));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (req.method === 'POST' && req.url === '/api/v1/events') {
      try {
        for (const e of JSON.parse(body.toString()).events as { id: string }[]) proxy.seen.add(e.id);
      } catch {
        // Not ours to judge; the server answers it.
      }
    }
    const mode = proxy.mode;
    proxy.log.push(`${req.method} ${req.url} ${mode}`);
    if (mode === 'error-500') {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'internal', message: 'Injected fault.' } }));
      return;
    }
    if (mode === 'rate-limited') {
      res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': String(proxy.retryAfterSeconds) });
      res.end(JSON.stringify({ error: { code: 'rate_limited', message: 'Injected rate limit.' } }));
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'authorization', 'if-none-match']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const answer = await fetch(`${target}${req.url}`, { method: req.method, headers, body: body.length ? body : undefined });
    const answerBody = Buffer.from(await answer.arrayBuffer());
    if (mode === 'hang-after-commit') return; // the server committed; the client never hears of it
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!['content-length', 'connection', 'keep-alive', 'transfer-encoding', 'content-encoding'].includes(name)) out[name] = value;
    });
    res.writeHead(answer.status, out);
    res.end(answerBody);
  }

  const listen = (port: number) =>
    new Promise<number>((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  const port = await listen(0);
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  const proxy: FaultProxy = {
    url: `http://127.0.0.1:${port}`,
    mode: 'pass',
    retryAfterSeconds: 120,
    seen: new Set(),
    log: [],
    down: stop,
    up: async () => void (await listen(port)),
    close: stop,
  };
  return proxy;
}
