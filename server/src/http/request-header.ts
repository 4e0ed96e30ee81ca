import type { Context } from 'hono';

type NodeBindings = { incoming?: { headers: Record<string, string | string[] | undefined> } };

/**
 * A request header (name in lower case). On Node it is read from the
 * request @hono/node-server received, which has its headers parsed already;
 * `c.req.header()` would first copy all of them into a `Headers` object — a
 * cost that shows on the extension's sync, the most frequent request.
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = (c.env as NodeBindings | undefined)?.incoming;
  if (incoming) {
    const value = incoming.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  }
  return c.req.header(name);
}
