import { randomBytes } from 'node:crypto';
import { matchDepartment } from '@customer-chair/shared/domain/match-department';
import { personLabel } from '@customer-chair/shared/domain/person-label';
import { pickPersonRole } from '@customer-chair/shared/domain/pick-person-role';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppDeps } from '../deps';
import { describeOidcFailure, oidcClient } from '../auth/oidc-client';
import { refusalPage } from '../auth/refusal-page';
import { isHttps, SESSION_HOURS, setSessionCookie } from '../auth/session-cookie';
import { hashToken } from '../auth/tokens';
import { apiError } from '../http/api-error';
import { insertOidcSignIn } from '../storage/queries/insert-oidc-sign-in';
import { insertSession } from '../storage/queries/insert-session';
import { listDepartmentRecords } from '../storage/queries/list-department-records';
import { findPerson } from '../storage/queries/list-people';
import { savePerson } from '../storage/queries/save-person';
import { takeOidcSignIn } from '../storage/queries/take-oidc-sign-in';

/** Ties a sign-in to the browser that started it: a login CSRF cannot hand someone else's code to this browser. */
const BROWSER_COOKIE = 'cc_oidc';
/** How long a person may take on the provider's login page. */
const SIGN_IN_MINUTES = 10;
const START_AGAIN = 'Go back to the dashboard and sign in again.';

/**
 * Company sign-in (OpenID Connect, authorization code flow with PKCE):
 * `GET /auth/oidc/start` sends the browser to the provider; the provider
 * sends it back to `GET /auth/oidc/callback`, where the state must be one
 * this browser started (kept in the database, so any instance may take the
 * callback; used once), and openid-client checks the code exchange (PKCE)
 * and the ID token's issuer, audience, nonce and expiry. A person whose
 * groups (or grants) give a role gets the dashboard's session cookie; anyone
 * else a page saying why, and no session.
 */
export function oidcRoutes({ storage, clock, config }: AppDeps) {
  const oidc = config.oidc;
  const rp = oidc ? oidcClient(oidc, clock) : undefined;
  const refuse = (c: Context, status: 400 | 401 | 403 | 502, title: string, message: string) => c.html(refusalPage({ title, message }), status);
  const notSetUp = (c: Context) => apiError(c, 404, 'not_found', 'Company sign-in is not set up on this server (OIDC_ISSUER and the rest are unset); sign in with an admin token.');

  return new Hono()
    .get('/start', async (c) => {
      if (!oidc || !rp) return notSetUp(c);
      let sent;
      try {
        sent = await rp.start();
      } catch (failure) {
        return refuse(c, 502, 'Sign-in is not available right now', describeOidcFailure(failure, oidc.providerName).message);
      }
      const now = clock.now();
      const browser = randomBytes(32).toString('base64url');
      await insertOidcSignIn(storage, {
        stateHash: hashToken(`${sent.state}.${browser}`),
        nonce: sent.nonce,
        codeVerifier: sent.codeVerifier,
        createdAt: now,
        expiresAt: new Date(now.getTime() + SIGN_IN_MINUTES * 60_000),
      });
      // Lax: the provider's redirect back is a cross-site navigation, which Strict cookies do not follow.
      setCookie(c, BROWSER_COOKIE, browser, { httpOnly: true, sameSite: 'Lax', secure: isHttps(c), path: '/auth/oidc', maxAge: SIGN_IN_MINUTES * 60 });
      return c.redirect(sent.url.href, 302);
    })
    .get('/callback', async (c) => {
      if (!oidc || !rp) return notSetUp(c);
      const browser = getCookie(c, BROWSER_COOKIE);
      deleteCookie(c, BROWSER_COOKIE, { path: '/auth/oidc', secure: isHttps(c), httpOnly: true, sameSite: 'Lax' });
      const error = c.req.query('error');
      const state = c.req.query('state');
      const now = clock.now();
      const pending = state === undefined || browser === undefined ? undefined : await takeOidcSignIn(storage, hashToken(`${state}.${browser}`), now);
      if (!pending || state === undefined) {
        return refuse(c, 400, 'This sign-in cannot be finished', `This sign-in was not started in this browser, was finished already, or took longer than ${SIGN_IN_MINUTES} minutes (its state is not one this server sent). Nothing was signed in. ${START_AGAIN}`);
      }
      if (error !== undefined) {
        const said = c.req.query('error_description');
        return refuse(c, 401, 'You were not signed in', `${oidc.providerName} did not sign you in (${error}${said ? `: ${said}` : ''}). ${START_AGAIN}`);
      }
      let claims;
      try {
        claims = await rp.finish(new URL(c.req.url).search, { state, ...pending });
      } catch (failure) {
        const { status, message } = describeOidcFailure(failure, oidc.providerName);
        return refuse(c, status, status === 502 ? 'Sign-in is not available right now' : 'You were not signed in', `${message} ${START_AGAIN}`);
      }

      const name = text(claims.name);
      const email = text(claims.email);
      const claimed = oidc.departmentClaim ? text(claims[oidc.departmentClaim]) : null;
      // The claim may name a department by its id ("manufacturing") or its name ("Manufacturing"); kept as its id.
      const department = claimed === null ? null : matchDepartment(claimed, await listDepartmentRecords(storage));
      const groupRole = pickPersonRole(stringList(claims[oidc.groupsClaim]), oidc.roleGroups, []);
      const personId = await savePerson(storage, { issuer: claims.iss, subject: claims.sub, name, email, department, groupRole }, now);
      // The group role and the grants: the strongest wins; a department set in the dashboard wins over the claim.
      const { role, department: judgeDepartment } = (await findPerson(storage, personId, now))!;
      if (!role) {
        return refuse(
          c,
          403,
          'You have no access to Customer Chair',
          `You signed in as ${personLabel({ name, email, subject: claims.sub })}, but none of your groups gives a role in the Customer Chair dashboard, and no role was granted to you. Ask your CX lead for access.`,
        );
      }
      // Never longer than the ID token (the provider's say on how long this sign-in holds), nor than 12 hours.
      const expiresAt = new Date(Math.min(now.getTime() + SESSION_HOURS * 3600_000, claims.exp * 1000));
      const id = randomBytes(32).toString('base64url');
      await insertSession(storage, { idHash: hashToken(id), personId, role, department: judgeDepartment, csrfToken: randomBytes(24).toString('base64url'), createdAt: now, expiresAt });
      setSessionCookie(c, id, expiresAt);
      return c.redirect('/', 303);
    });
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** A groups claim: a list of names (or one name); anything else is no groups. */
function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((each): each is string => typeof each === 'string') : [];
}
