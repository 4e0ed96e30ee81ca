import type { MiddlewareHandler } from 'hono';
import { bearerToken, secretsEqual } from '../auth/tokens';
import { apiError } from '../http/api-error';
import { requestHeader } from '../http/request-header';

/**
 * When the company set an enrollment key, only extensions that present it
 * (`Authorization: Bearer <key>`) may read content or send events.
 */
export function requireEnrollmentKey(key: string | undefined): MiddlewareHandler {
  return async function requireEnrollmentKey(c, next) {
    if (key === undefined) return next();
    const presented = bearerToken(requestHeader(c, 'authorization'));
    if (presented === undefined || !secretsEqual(presented, key)) {
      c.header('WWW-Authenticate', 'Bearer realm="customer-chair"');
      return apiError(
        c,
        401,
        'unauthorized',
        presented === undefined
          ? 'This server needs an enrollment key: send "Authorization: Bearer <key>".'
          : 'The enrollment key is not valid.',
      );
    }
    return next();
  };
}
