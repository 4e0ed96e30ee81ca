import type { MiddlewareHandler } from 'hono';
import { withHeaders } from '../http/response-headers';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * `Cache-Control: no-store` on every answer, errors included: for what only
 * a signed-in CX lead may see (the session and its CSRF token, figures,
 * exports, the audit log), which no browser or proxy cache should keep.
 */
export function noStore(): MiddlewareHandler {
  return async function noStore(c, next) {
    return withHeaders(c, NO_STORE, next);
  };
}
