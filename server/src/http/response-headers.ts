import type { Context, Next } from 'hono';

/**
 * Headers that middleware puts on every answer, kept as one plain object.
 *
 * Why not `c.header()` after `next()`: touching a response's headers makes
 * undici build a `Headers` object, and @hono/node-server then copies it back
 * out; answers whose headers stay a plain object are written straight to the
 * socket. The content route answers with `completeResponse`, which writes
 * the middleware headers and its own in one plain object, and the
 * middleware leaves such answers alone. Every other answer gets the headers
 * set after the handler ran. (Most unchanged syncs never reach the app:
 * see unchanged-content.ts, which sends the same headers.)
 */
const complete = new WeakSet<Response>();
const collected = new WeakMap<Context, Record<string, string>>();

/** Runs the rest of the chain, then puts `headers` on its answer (never replacing one the handler set). */
export async function withHeaders(c: Context, headers: Record<string, string>, next: Next): Promise<void> {
  const earlier = collected.get(c);
  // Object.assign, not spread: V8 spreads these header objects ten times slower, on every API request.
  collected.set(c, earlier ? Object.assign({}, earlier, headers) : headers);
  await next();
  if (complete.has(c.res)) return;
  const target = c.res.headers;
  for (const name in headers) if (!target.has(name)) target.set(name, headers[name]!);
}

/** An answer with every middleware header and `own` already in place, written as they are. */
export function completeResponse(c: Context, body: string | null, status: number, own: Record<string, string>): Response {
  const response = new Response(body, { status, headers: Object.assign({}, collected.get(c), own) });
  complete.add(response);
  return response;
}
