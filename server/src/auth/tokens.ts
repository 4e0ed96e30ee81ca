import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Tokens are long random strings, so one SHA-256 is enough to store them safely. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new admin token: 256 random bits, URL-safe, with a prefix that says what it is. */
export function generateAdminToken(): string {
  return `cc_admin_${randomBytes(32).toString('base64url')}`;
}

/** Compares two secrets in constant time (hashing first evens out their lengths). */
export function secretsEqual(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

/** The token of an `Authorization: Bearer <token>` header, if that is what it holds. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
