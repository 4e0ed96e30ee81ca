import { randomBytes } from 'node:crypto';
import { toApiIssues } from '@customer-chair/shared/schemas/api-error';
import { SignInSchema, type SessionInfo } from '@customer-chair/shared/schemas/session';
import { Hono } from 'hono';
import type { AppDeps } from '../app';
import { clearSessionCookie, readSessionCookie, SESSION_HOURS, setSessionCookie } from '../auth/session-cookie';
import { hashToken } from '../auth/tokens';
import { apiError } from '../http/api-error';
import { clientAddress } from '../http/client-address';
import { rateLimit } from '../middleware/rate-limit';
import { requireSession, type SessionVariables } from '../middleware/require-session';
import { deleteSession } from '../queries/delete-session';
import { findAdminToken } from '../queries/find-admin-token';
import { insertSession } from '../queries/insert-session';

/** Failed sign-ins one address may make per window before it must wait. */
export const SIGN_IN_ATTEMPTS = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

/** `/api/v1/session`: sign in with an admin token, see who is signed in, sign out. */
export function sessionRoutes({ db, clock }: AppDeps) {
  const signedIn = requireSession(db, clock);
  return new Hono<{ Variables: SessionVariables }>()
    .post(
      '/',
      rateLimit({
        max: SIGN_IN_ATTEMPTS,
        windowMs: SIGN_IN_WINDOW_MS,
        clock,
        key: clientAddress,
        countStatuses: [400, 401],
        message: 'Too many sign-in attempts from this address.',
      }),
      async (c) => {
        let body: unknown;
        try {
          body = await c.req.json();
        } catch {
          return apiError(c, 400, 'invalid_json', 'Send {"token": "<admin token>"} as JSON.');
        }
        const parsed = SignInSchema.safeParse(body);
        if (!parsed.success) {
          return apiError(c, 400, 'invalid_request', 'Enter your admin token.', toApiIssues(parsed.error));
        }
        const admin = findAdminToken(db, hashToken(parsed.data.token));
        if (!admin) return apiError(c, 401, 'unauthorized', 'That admin token is not valid (or it was revoked).');

        const now = clock.now();
        const id = randomBytes(32).toString('base64url');
        const csrfToken = randomBytes(24).toString('base64url');
        const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600 * 1000);
        insertSession(db, { idHash: hashToken(id), adminTokenId: admin.id, csrfToken, createdAt: now, expiresAt });
        setSessionCookie(c, id, expiresAt);
        return c.json<SessionInfo>({ label: admin.label, csrfToken, expiresAt: expiresAt.toISOString() });
      },
    )
    .get('/', signedIn, (c) => {
      const { label, csrfToken, expiresAt } = c.var.session;
      return c.json<SessionInfo>({ label, csrfToken, expiresAt });
    })
    .delete('/', signedIn, (c) => {
      deleteSession(db, hashToken(readSessionCookie(c)!), clock.now());
      clearSessionCookie(c);
      return c.body(null, 204);
    });
}
