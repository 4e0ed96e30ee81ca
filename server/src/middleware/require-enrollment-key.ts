import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { CredentialThrottle } from '../auth/credential-throttle';
import { bearerToken } from '../auth/tokens';
import { apiError } from '../http/api-error';
import { requestHeader } from '../http/request-header';

/**
 * When the company set an enrollment key, only extensions that present it
 * (`Authorization: Bearer <key>`) may read content or send events. With a
 * `throttle`, a wrong key counts as a guess (429 once it backs off); the
 * right key is checked first and costs nothing more.
 *
 * `inQuery` names a query parameter that may carry the key instead (the
 * recognition feed and posters: feed readers and lobby screens cannot send
 * headers); a wrong key there counts as a guess like a wrong header.
 */
export function requireEnrollmentKey(key: string | undefined, throttle?: CredentialThrottle, options: { inQuery?: string } = {}): MiddlewareHandler {
  const presents = enrollmentKeyCheck(key);
  const { inQuery } = options;
  const howToSend = inQuery ? `add "?${inQuery}=<key>" to the address or send "Authorization: Bearer <key>"` : 'send "Authorization: Bearer <key>"';
  return async function requireEnrollmentKey(c, next) {
    const authorization = requestHeader(c, 'authorization');
    if (presents(authorization)) return next();
    const queried = inQuery ? c.req.query(inQuery) || undefined : undefined;
    if (queried !== undefined && presents(`Bearer ${queried}`)) return next();
    const presented = queried ?? bearerToken(authorization);
    const unauthorized = () => {
      c.header('WWW-Authenticate', 'Bearer realm="customer-chair"');
      return apiError(c, 401, 'unauthorized', presented === undefined ? `This server needs an enrollment key: ${howToSend}.` : 'The enrollment key is not valid.');
    };
    return throttle && presented !== undefined ? throttle.refuse(c, presented, unauthorized) : unauthorized();
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
