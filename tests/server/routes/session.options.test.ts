import { describe, expect, it } from 'vitest';
import type { OidcConfig } from '../../../server/src/config';
import { SignInOptionsSchema } from '../../../shared/src/schemas/session';
import { markDemoDatabase } from '../../../server/src/storage/queries/mark-demo-database';
import { snapshot } from '../../support/admin-api';
import { makeTestApp, TEST_ADMIN_TOKEN } from '../../support/test-app';
import { openTestStorage } from '../../support/test-storage';

const OIDC: OidcConfig = {
  issuer: 'https://login.example.com',
  clientId: 'customer-chair',
  clientSecret: 'secret',
  redirectUrl: 'https://chair.example.com/auth/oidc/callback',
  providerName: 'Okta',
  groupsClaim: 'groups',
  roleGroups: { admin: ['cx-leads'], judge: [], viewer: [] },
};

const signIn = (t: Awaited<ReturnType<typeof makeTestApp>>) =>
  t.app.request('/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: TEST_ADMIN_TOKEN }) });

describe('GET /api/v1/session/options and TOKEN_SIGN_IN', () => {
  it('tells the sign-in page what it offers, with no credential', async () => {
    const plain = await makeTestApp();
    const response = await plain.app.request('/api/v1/session/options');
    expect(response.status).toBe(200);
    expect(SignInOptionsSchema.parse(await response.json())).toEqual({ providerName: null, tokenSignIn: true, demo: false });

    const company = await makeTestApp({ config: { oidc: OIDC, tokenSignIn: false } });
    expect(await (await company.app.request('/api/v1/session/options')).json()).toEqual({ providerName: 'Okta', tokenSignIn: false, demo: false });
  });

  it('says when the database is `pnpm demo`\'s (marked in the database itself), for the dashboard\'s banner', async () => {
    const storage = await openTestStorage();
    expect(await markDemoDatabase(storage)).toBe(true);
    const demo = await makeTestApp({ storage });
    expect(SignInOptionsSchema.parse(await (await demo.app.request('/api/v1/session/options')).json())).toEqual({ providerName: null, tokenSignIn: true, demo: true });
  });

  it('with TOKEN_SIGN_IN=off, refuses to sign in with a token (403, naming the provider) and makes no session; the token still works as a bearer token', async () => {
    const t = await makeTestApp({ config: { oidc: OIDC, tokenSignIn: false } });
    const before = await snapshot(t);
    const response = await signIn(t);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/turned off on this server \(TOKEN_SIGN_IN=off\): sign in with Okta/);
    expect(response.headers.get('Set-Cookie')).toBeNull();
    expect(await snapshot(t)).toBe(before);
    expect((await t.app.request('/api/v1/admin/audit', { headers: t.admin })).status).toBe(200);
  });

  it('with TOKEN_SIGN_IN on (the default), a token signs in as before', async () => {
    const t = await makeTestApp({ config: { oidc: OIDC } });
    expect((await signIn(t)).status).toBe(200);
  });
});
