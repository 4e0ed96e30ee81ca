import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { bearerToken } from '../auth/tokens';
import { apiError } from '../http/api-error';
import { requestHeader } from '../http/request-header';

/**
 * When the company set an enrollment key, only extensions that present it
 * (`Authorization: Bearer <key>`) may read content or send events.
 */
export function requireEnrollmentKey(key: string | undefined): MiddlewareHandler {
  const presents = enrollmentKeyCheck(key);
  return async function requireEnrollmentKey(c, next) {
    const authorization = requestHeader(c, 'authorization');
    if (presents(authorization)) return next();
    c.header('WWW-Authenticate', 'Bearer realm="customer-chair"');
    return apiError(
      c,
      401,
      'unauthorized',
      bearerToken(authorization) === undefined
        ? 'This server needs an enrollment key: send "Authorization: Bearer <key>".'
        : 'The enrollment key is not valid.',
    );
  };
}

/**
 * Whether an `Authorization` header presents the enrollment key (any header
 * does when there is none), compared in constant time. The key's hash is
 * worked out once: this runs on every sync and every batch of events.
 */
export function enrollmentKeyCheck(key: string | undefined): (authorization: string | undefined) => boolean {
  if (key === undefined) return () => true;
  const expected = sha256(key);
  return (authorization) => {
    const presented = bearerToken(authorization);
    return presented !== undefined && timingSafeEqual(sha256(presented), expected);
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();
