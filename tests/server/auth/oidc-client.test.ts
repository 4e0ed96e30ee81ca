import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOidcFailure, oidcClient } from '../../../server/src/auth/oidc-client';
import { fixedClock, systemClock } from '../../../server/src/clock';
import type { OidcConfig } from '../../../server/src/config';
import { signInAtProvider, startTestProvider, TEST_ACCOUNTS, type TestProvider } from '../../support/oidc-provider';

const REDIRECT = 'http://127.0.0.1:9/auth/oidc/callback';
let provider: TestProvider;
let config: OidcConfig;

beforeAll(async () => {
  provider = await startTestProvider({ clients: [{ clientId: 'customer-chair', clientSecret: 'test-client-secret-0123456789', redirectUri: REDIRECT }] });
  config = {
    issuer: provider.issuer,
    clientId: 'customer-chair',
    clientSecret: 'test-client-secret-0123456789',
    redirectUrl: REDIRECT,
    providerName: 'Test IdP',
    groupsClaim: 'groups',
    departmentClaim: 'department',
    roleGroups: { admin: ['cx-leads'], judge: ['judges'], viewer: [] },
  };
});
afterAll(() => provider.stop());

describe('oidcClient against a real OpenID provider on loopback', () => {
  it('the provider publishes its discovery document at its issuer', async () => {
    const response = await fetch(`${provider.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as Record<string, unknown>;
    expect(document.issuer).toBe(provider.issuer);
    expect(document.code_challenge_methods_supported).toEqual(['S256']);
  });

  it('signs each test account in with PKCE, state and nonce; the ID token carries their name, e-mail, groups and department', async () => {
    const rp = oidcClient(config, systemClock);
    for (const account of Object.values(TEST_ACCOUNTS)) {
      const sent = await rp.start();
      expect(sent.url.searchParams.get('code_challenge_method')).toBe('S256');
      expect(sent.url.searchParams.get('state')).toBe(sent.state);
      expect(sent.url.searchParams.get('nonce')).toBe(sent.nonce);
      const callback = await signInAtProvider(sent.url, account.sub, REDIRECT);
      expect(callback.searchParams.get('state')).toBe(sent.state);
      const claims = await rp.finish(callback.search, sent);
      expect(claims).toMatchObject({ iss: provider.issuer, aud: 'customer-chair', sub: account.sub, name: account.name, email: account.email, groups: account.groups, nonce: sent.nonce });
      expect(claims.department).toBe('department' in account ? account.department : undefined);
    }
  });

  it('the provider refuses an authorization request without PKCE', async () => {
    const url = new URL(`${provider.issuer}/auth`);
    url.search = new URLSearchParams({ client_id: 'customer-chair', redirect_uri: REDIRECT, response_type: 'code', scope: 'openid', state: 's', nonce: 'n' }).toString();
    const callback = await signInAtProvider(url, TEST_ACCOUNTS.lead.sub, REDIRECT);
    expect(callback.searchParams.get('error')).toBe('invalid_request');
    expect(callback.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('judges the ID token\'s expiry by the server\'s clock', async () => {
    const clock = fixedClock(new Date());
    const rp = oidcClient(config, clock);
    const sent = await rp.start();
    const callback = await signInAtProvider(sent.url, TEST_ACCOUNTS.lead.sub, REDIRECT);
    clock.set(new Date(Date.now() + 2 * 3600_000));
    const failure = await rp.finish(callback.search, sent).catch((error: unknown) => error);
    expect(describeOidcFailure(failure, 'Test IdP')).toEqual({ status: 401, message: expect.stringMatching(/ID token from Test IdP has expired/) });
  });

  it('a provider that cannot be reached is a 502 saying so, and discovery is tried again next time', async () => {
    const down = await startTestProvider({ clients: [] });
    await down.stop();
    const rp = oidcClient({ ...config, issuer: down.issuer }, systemClock);
    const failure = await rp.start().catch((error: unknown) => error);
    expect(describeOidcFailure(failure, 'Test IdP')).toEqual({ status: 502, message: expect.stringMatching(/Test IdP could not be reached/) });
    await expect(rp.start()).rejects.toBeDefined();
  });
});
