import type { MiddlewareHandler } from 'hono';
import { withHeaders } from '../http/response-headers';
import { requestHeader } from '../http/request-header';

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/([a-z0-9-]+)$/i;

const PREFLIGHT = {
  'Access-Control-Allow-Methods': 'GET,POST,OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization,Content-Type,If-None-Match,X-Entry-Receipt',
  'Access-Control-Max-Age': '86400',
};

/**
 * Lets the browser extension call the API from its own origin (so it needs
 * no host permission), and nobody else's pages: other origins get no
 * `Access-Control-Allow-Origin`, so their browser hides the answer.
 *
 * Written here rather than with hono/cors so its headers stay one plain
 * object (see withHeaders), and so the unchanged-sync shortcut can send the
 * same ones (`corsHeaders`); what it sends is what hono/cors would.
 *
 * With `extensionIds` (the EXTENSION_IDS setting) only those extensions are
 * admitted; without, any extension's origin is.
 */
export function extensionCors(extensionIds?: readonly string[]): MiddlewareHandler {
  const admits = extensionOrigins(extensionIds);
  const headersFor = corsHeaders(extensionIds);
  return async function extensionCors(c, next) {
    const origin = requestHeader(c, 'origin');
    if (c.req.method === 'OPTIONS') {
      const headers: Record<string, string> = admits(origin) ? { 'Access-Control-Allow-Origin': origin, ...PREFLIGHT, Vary: 'Origin' } : { Vary: 'Origin' };
      return new Response(null, { status: 204, headers });
    }
    return withHeaders(c, headersFor(origin), next);
  };
}

const NOT_ALLOWED = { Vary: 'Origin' };

/** The CORS headers of an answer (not a preflight) to a request from an origin, for the extensions admitted. */
export function corsHeaders(extensionIds?: readonly string[]): (origin: string | undefined) => Record<string, string> {
  const admits = extensionOrigins(extensionIds);
  return (origin) => (admits(origin) ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'ETag,Retry-After', Vary: 'Origin' } : NOT_ALLOWED);
}

/** Whether an origin is an extension's: one of `extensionIds` when given (ids compared as extensions write them, lower case), else any. */
function extensionOrigins(extensionIds: readonly string[] | undefined): (origin: string | undefined) => origin is string {
  const ids = extensionIds && new Set(extensionIds.map((id) => id.toLowerCase()));
  return (origin): origin is string => {
    const match = origin === undefined ? null : EXTENSION_ORIGIN.exec(origin);
    return match !== null && (ids === undefined || ids.has(match[2]!.toLowerCase()));
  };
}
