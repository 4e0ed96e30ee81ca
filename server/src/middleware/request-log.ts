import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes, routePath } from 'hono/route';
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
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

export type WriteRequestLog = (entry: RequestLogEntry) => void;

/** What is noted when a request arrives, before its answer is written. */
type RequestLogStart = { time: string; started: number; socket: Socket | undefined; writtenBefore: number };

type Pending = RequestLogStart & { write: WriteRequestLog; method: string; route: string; status: number };
const PENDING = Symbol('request log entry');
type LoggedResponse = ServerResponse & { [PENDING]?: Pending };

/** Logs every request through `write`; main.ts passes one that prints JSON lines. */
export function requestLog(write: WriteRequestLog, clock: Clock): MiddlewareHandler {
  return async function requestLog(c, next) {
    const start = startRequestLog(c, clock);
    await next();
    return logWhenSent(c, write, start, routeOf(c), c.res);
  };
}

/** Notes the time and the bytes already sent on the connection (keep-alive) as the request arrives. */
function startRequestLog(c: Context, clock: Clock): RequestLogStart {
  const socket = outgoingOf(c)?.socket ?? undefined;
  return { time: logTime(clock), started: performance.now(), socket, writtenBefore: socket?.bytesWritten ?? 0 };
}

let lastTime = { ms: NaN, iso: '' };

/** The clock's time as an ISO string, formatted once per millisecond however many requests share it. */
export function logTime(clock: Clock): string {
  const now = clock.now();
  const ms = now.getTime();
  if (ms !== lastTime.ms) lastTime = { ms, iso: now.toISOString() };
  return lastTime.iso;
}

/**
 * Writes the request's line once its answer has gone: on a real server when
 * its last byte was handed to the socket (or the client hung up), so
 * duration and size are what the client got; under `app.request` at once,
 * with the body's size. The listeners are shared functions and the entry
 * rides on the response: nothing is allocated per request but the entry.
 */
function logWhenSent(c: Context, write: WriteRequestLog, start: RequestLogStart, route: string, response: Response): void | Promise<void> {
  const outgoing = outgoingOf(c) as LoggedResponse | undefined;
  const pending: Pending = Object.assign(start, { write, method: c.req.method, route, status: response.status });
  if (outgoing && start.socket) {
    outgoing[PENDING] = pending;
    outgoing.on('finish', sent);
    outgoing.on('close', sent);
    return;
  }
  return bodyBytes(response).then((bytes) => write(entryOf(pending, bytes)));
}

function sent(this: LoggedResponse) {
  const pending = this[PENDING];
  if (!pending) return;
  this[PENDING] = undefined;
  pending.write(entryOf(pending, pending.socket!.bytesWritten - pending.writtenBefore));
}

function entryOf({ time, method, route, status, started }: Pending, bytes: number): RequestLogEntry {
  return { time, method, route, status, durationMs: Math.round((performance.now() - started) * 10) / 10, bytes };
}

async function bodyBytes(response: Response): Promise<number> {
  const declared = response.headers.get('Content-Length');
  if (declared !== null) return Number(declared);
  return response.body ? (await response.clone().arrayBuffer()).byteLength : 0;
}

function outgoingOf(c: Context): ServerResponse | undefined {
  return (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
}

function routeOf(c: Context): string {
  const handler = matchedRoutes(c)
    .filter((r) => r.method !== 'ALL' && !r.path.endsWith('*'))
    .at(-1);
  if (handler) return handler.path;
  const path = routePath(c);
  return path === '/*' || path === '*' || path === '' ? 'unmatched' : path;
}
