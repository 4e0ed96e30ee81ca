import type { MiddlewareHandler } from 'hono';
import { matchedRoutes, routePath } from 'hono/route';
import type { ServerResponse } from 'node:http';
import type { Clock } from '../clock';

/**
 * One line per request. Deliberately without the client's address, the raw
 * URL (ids, query strings), headers (tokens, cookies) or the body: the log
 * says how the server is doing, never who did what.
 */
export type RequestLogEntry = {
  time: string;
  method: string;
  /** The route as declared ("/api/v1/admin/stories/:id"), "unmatched" for unknown paths. */
  route: string;
  status: number;
  durationMs: number;
  /** Bytes of the answer: as sent on the wire (headers included) on a real server, else the body's. */
  bytes: number;
};

/** Logs every request through `write`; main.ts passes one that prints JSON lines. */
export function requestLog(write: (entry: RequestLogEntry) => void, clock: Clock): MiddlewareHandler {
  return async function requestLog(c, next) {
    const time = clock.now().toISOString();
    const started = performance.now();
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    const socket = outgoing?.socket;
    const writtenBefore = socket?.bytesWritten ?? 0;
    await next();
    const route = routeOf(c);
    const { status } = c.res;
    const entry = (bytes: number) => write({ time, method: c.req.method, route, status, durationMs: Math.round((performance.now() - started) * 10) / 10, bytes });
    if (outgoing && socket) {
      // Logged once the last byte has gone, so duration and size are what the client got.
      outgoing.once('finish', () => entry(socket.bytesWritten - writtenBefore));
      outgoing.once('close', () => outgoing.writableFinished || entry(socket.bytesWritten - writtenBefore));
      return;
    }
    const declared = c.res.headers.get('Content-Length');
    entry(declared !== null ? Number(declared) : c.res.body ? (await c.res.clone().arrayBuffer()).byteLength : 0);
  };
}

function routeOf(c: Parameters<MiddlewareHandler>[0]): string {
  const handler = matchedRoutes(c)
    .filter((r) => r.method !== 'ALL' && !r.path.endsWith('*'))
    .at(-1);
  if (handler) return handler.path;
  const path = routePath(c);
  return path === '/*' || path === '*' || path === '' ? 'unmatched' : path;
}
