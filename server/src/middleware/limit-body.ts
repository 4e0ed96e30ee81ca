import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { apiError } from '../http/api-error';
import { requestHeader } from '../http/request-header';

/**
 * Refuses a body over `maxBytes` with 413 before reading it; `advice` says
 * what to do instead.
 *
 * A declared Content-Length is checked as it is (Node's parser holds the
 * client to it); only a body of unknown length (chunked) goes through
 * hono/body-limit, which counts it as it streams — and which, on Node, first
 * turns the request into a full `Request`: too slow for every event batch.
 */
export function limitBody(maxBytes: number, advice: string): MiddlewareHandler {
  const size = maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MB` : `${maxBytes / 1024} KB`;
  const tooLarge = (c: Parameters<MiddlewareHandler>[0]) => apiError(c, 413, 'payload_too_large', `The request body is larger than ${size}; ${advice}`);
  const streamed = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async function limitBody(c, next) {
    const declared = requestHeader(c, 'content-length');
    if (declared === undefined || !/^\d+$/.test(declared)) return streamed(c, next);
    if (Number(declared) > maxBytes) return tooLarge(c);
    await next();
  };
}
