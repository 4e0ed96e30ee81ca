import { bodyLimit } from 'hono/body-limit';
import { apiError } from '../http/api-error';

/** Refuses a body over `maxBytes` with 413 before reading it; `advice` says what to do instead. */
export function limitBody(maxBytes: number, advice: string) {
  const size = maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MB` : `${maxBytes / 1024} KB`;
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => apiError(c, 413, 'payload_too_large', `The request body is larger than ${size}; ${advice}`),
  });
}
