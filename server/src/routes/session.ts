import { randomBytes } from 'node:crypto';
import { toApiIssues } from '@customer-chair/shared/schemas/api-error';
import { SignInSchema, type SessionInfo, type SignInOptions } from '@customer-chair/shared/schemas/session';
import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import type { CredentialThrottle } from '../auth/credential-throttle';
import { clearSessionCookie, readSessionCookie, SESSION_HOURS, setSessionCookie } from '../auth/session-cookie';
import { hashToken } from '../auth/tokens';
import { apiError } from '../http/api-error';
import { requestHeader } from '../http/request-header';
import { requireSession, type SessionVariables } from '../middleware/require-session';
import { deleteSession } from '../storage/queries/delete-session';
import { findAdminToken } from '../storage/queries/find-admin-token';
import { insertSession } from '../storage/queries/insert-session';
import { isDemoDatabase } from '../storage/queries/is-demo-database';

/**
 * Whether a sign-in comes from the dashboard itself: no `Origin` (not a
 * browser's cross-origin request), or one naming this server's host (as the
 * client asked for it, or as a reverse proxy says it was asked for).
 */
function sameOrigin(origin: string | undefined, url: string, forwardedHost: string | undefined): boolean {
  if (origin === undefined) return true;
  let host: string;
  try {
    const parsed = new URL(origin);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
    host = parsed.host;
  } catch {
    return false;
  }
  return host === new URL(url).host || host === forwardedHost?.split(',')[0]!.trim();
}

/**
 * `/api/v1/session`: sign in with an admin token, see who is signed in, sign
 * out; `/options`: how the sign-in page may sign in, and whether this is
 * the demo's database. Wrong tokens and
 * cookies count against `throttle`; a correct token always signs in (unless
 * TOKEN_SIGN_IN is off: then tokens serve scripts only, as bearer tokens).
 */
export function sessionRoutes({ storage, clock, config }: AppDeps, throttle?: CredentialThrottle) {
  const signedIn = requireSession(storage, clock, throttle);
  return new Hono<{ Variables: SessionVariables }>()
    .get('/options', async (c) =>
      c.json<SignInOptions>({ providerName: config.oidc?.providerName ?? null, tokenSignIn: config.tokenSignIn, demo: await isDemoDatabase(storage) }),
    )
    .post('/', async (c) => {
      if (!config.tokenSignIn) {
        return apiError(c, 403, 'forbidden', `Signing in to the dashboard with an admin token is turned off on this server (TOKEN_SIGN_IN=off): sign in with ${config.oidc?.providerName ?? 'your company account'}. Admin tokens still work as bearer tokens for scripts.`);
      }
      // Login CSRF: a page elsewhere must not sign this browser in with its own token. A form or a
      // "simple" fetch can send text/plain, never application/json without a preflight we refuse.
      if (!/^application\/json\s*(;|$)/i.test(requestHeader(c, 'content-type') ?? '')) {
        return apiError(c, 415, 'unsupported_media_type', 'Send {"token": "<admin token>"} as JSON ("Content-Type: application/json").');
      }
      if (!sameOrigin(requestHeader(c, 'origin'), c.req.url, requestHeader(c, 'x-forwarded-host'))) {
        return apiError(c, 403, 'forbidden', 'Sign in from the dashboard on this server; sign-ins from other sites are refused.');
      }
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
      const admin = await findAdminToken(storage, hashToken(parsed.data.token));
      if (!admin) {
        const unauthorized = () => apiError(c, 401, 'unauthorized', 'That admin token is not valid (or it was revoked).');
        return throttle ? throttle.refuse(c, parsed.data.token, unauthorized) : unauthorized();
      }

      const now = clock.now();
      const id = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600 * 1000);
      await insertSession(storage, { idHash: hashToken(id), adminTokenId: admin.id, csrfToken, createdAt: now, expiresAt });
      setSessionCookie(c, id, expiresAt);
      return c.json<SessionInfo>({ label: admin.label, role: admin.role, department: admin.department, csrfToken, expiresAt: expiresAt.toISOString() });
    })
    .get('/', signedIn, (c) => {
      // The role tells the dashboard what to offer; every route checks it again (requireRole).
      const { label, role, department, csrfToken, expiresAt } = c.var.session;
      return c.json<SessionInfo>({ label, role, department, csrfToken, expiresAt });
    })
    .delete('/', signedIn, async (c) => {
      await deleteSession(storage, hashToken(readSessionCookie(c)!), clock.now());
      clearSessionCookie(c);
      return c.body(null, 204);
    });
}
