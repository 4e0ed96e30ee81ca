import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      ok: true,
      config: {
        port: 8787,
        host: '127.0.0.1',
        databasePath: './data/customer-chair.db',
        demoDatabasePath: './data/demo.db',
        databaseUrl: undefined,
        databasePoolSize: 10,
        databaseStatementTimeoutMs: 30_000,
        adminToken: undefined,
        enrollmentKey: undefined,
        minGroupSize: 5,
        retentionDays: 90,
        timezone: 'UTC',
        rateLimitEventsPerMinute: 1000,
        rateLimitEventsPerAddressPerMinute: 100_000,
        newInstallsPerAddressPerDay: 10_000,
        oidc: undefined,
        tokenSignIn: true,
        dashboardDir: expect.stringMatching(/server\/dist\/dashboard\/$/),
      },
    });
  });

  it('reads every variable', () => {
    const result = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATABASE_PATH: '/var/lib/cc.db',
      DEMO_DATABASE_PATH: '/tmp/cc-demo.db',
      DATABASE_URL: 'postgres://cc@db.internal:5432/customer_chair',
      DATABASE_POOL_SIZE: '20',
      DATABASE_STATEMENT_TIMEOUT_MS: '5000',
      ADMIN_TOKEN: 'a-long-admin-token-0123456789abcdef',
      ENROLLMENT_KEY: 'enrol-me-please',
      EXTENSION_IDS: ' abcdefghijklmnopabcdefghijklmnop, 6d3c2a1b-0f9e-4d8c-b7a6-5e4f3d2c1b0a ',
      MIN_GROUP_SIZE: '3',
      RETENTION_DAYS: '30',
      TIMEZONE: 'Europe/Berlin',
      RATE_LIMIT_EVENTS_PER_MINUTE: '0',
      RATE_LIMIT_EVENTS_PER_ADDRESS_PER_MINUTE: '5000',
      NEW_INSTALLS_PER_ADDRESS_PER_DAY: '0',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        port: 9000,
        host: '0.0.0.0',
        databasePath: '/var/lib/cc.db',
        demoDatabasePath: '/tmp/cc-demo.db',
        databaseUrl: 'postgres://cc@db.internal:5432/customer_chair',
        databasePoolSize: 20,
        databaseStatementTimeoutMs: 5000,
        adminToken: 'a-long-admin-token-0123456789abcdef',
        enrollmentKey: 'enrol-me-please',
        extensionIds: ['abcdefghijklmnopabcdefghijklmnop', '6d3c2a1b-0f9e-4d8c-b7a6-5e4f3d2c1b0a'],
        minGroupSize: 3,
        retentionDays: 30,
        timezone: 'Europe/Berlin',
        rateLimitEventsPerMinute: 0,
        rateLimitEventsPerAddressPerMinute: 5000,
        newInstallsPerAddressPerDay: 0,
        tokenSignIn: true,
        dashboardDir: expect.any(String),
      },
    });
  });

  it('treats empty variables as unset', () => {
    const result = loadConfig({ PORT: '', ENROLLMENT_KEY: '' });
    expect(result.ok && result.config.port).toBe(8787);
    expect(result.ok && result.config.enrollmentKey).toBeUndefined();
  });

  it('names every bad variable and its value', () => {
    const result = loadConfig({ PORT: 'eighty', MIN_GROUP_SIZE: '0', TIMEZONE: 'Mars/Olympus', ADMIN_TOKEN: 'x'.repeat(31) });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(4);
    expect(problems.find((p) => p.startsWith('PORT="eighty"'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('MIN_GROUP_SIZE="0"'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('TIMEZONE="Mars/Olympus"'))).toMatch(/IANA time zone/);
    expect(problems.find((p) => p.startsWith('ADMIN_TOKEN='))).toMatch(/at least 32 characters/);
    expect(loadConfig({ ADMIN_TOKEN: 'x'.repeat(32) }).ok).toBe(true);
  });

  it('refuses EXTENSION_IDS that are not extension ids', () => {
    for (const value of ['https://evil.example', 'chrome-extension://abc', ' , ']) {
      const result = loadConfig({ EXTENSION_IDS: value });
      expect(result.ok, value).toBe(false);
      expect(result.ok ? '' : result.problems[0], value).toMatch(/^EXTENSION_IDS=/);
    }
  });

  it('refuses bad rate limits, naming them', () => {
    const result = loadConfig({ RATE_LIMIT_EVENTS_PER_MINUTE: '-1', RATE_LIMIT_EVENTS_PER_ADDRESS_PER_MINUTE: 'lots' });
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^RATE_LIMIT_EVENTS_PER_MINUTE="-1"/);
    expect(problems[1]).toMatch(/^RATE_LIMIT_EVENTS_PER_ADDRESS_PER_MINUTE="lots"/);
  });

  describe('company sign-in (OpenID Connect)', () => {
    const OIDC = {
      OIDC_ISSUER: 'https://login.example.com/tenant',
      OIDC_CLIENT_ID: 'customer-chair',
      OIDC_CLIENT_SECRET: 'client-secret-0123456789',
      OIDC_REDIRECT_URL: 'https://chair.example.com/auth/oidc/callback',
    };

    it('reads the provider, with the defaults for the rest', () => {
      const result = loadConfig(OIDC);
      expect(result.ok && result.config.oidc).toEqual({
        issuer: 'https://login.example.com/tenant',
        clientId: 'customer-chair',
        clientSecret: 'client-secret-0123456789',
        redirectUrl: 'https://chair.example.com/auth/oidc/callback',
        providerName: 'your company account',
        groupsClaim: 'groups',
        departmentClaim: undefined,
        roleGroups: { admin: [], judge: [], viewer: [] },
      });
      expect(result.ok && result.config.tokenSignIn).toBe(true);
    });

    it('reads the name, claims, group mapping and TOKEN_SIGN_IN', () => {
      const result = loadConfig({
        ...OIDC,
        OIDC_PROVIDER_NAME: 'Okta',
        OIDC_GROUPS_CLAIM: 'roles',
        OIDC_DEPARTMENT_CLAIM: 'department',
        OIDC_ROLE_GROUPS: ' admin = cx-leads ; judge=judges, Exec Panel ;viewer=execs; ',
        TOKEN_SIGN_IN: 'off',
      });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.config.oidc).toMatchObject({ providerName: 'Okta', groupsClaim: 'roles', departmentClaim: 'department' });
      expect(result.config.oidc?.roleGroups).toEqual({ admin: ['cx-leads'], judge: ['judges', 'Exec Panel'], viewer: ['execs'] });
      expect(result.config.tokenSignIn).toBe(false);
    });

    it('needs the issuer, client id, secret and redirect URL together, naming what is missing', () => {
      const result = loadConfig({ OIDC_ISSUER: OIDC.OIDC_ISSUER, OIDC_CLIENT_ID: 'customer-chair' });
      expect(result).toEqual({ ok: false, problems: [expect.stringMatching(/^OIDC_CLIENT_SECRET, OIDC_REDIRECT_URL: not set, but OIDC_ISSUER, OIDC_CLIENT_ID are/)] });
      const { OIDC_CLIENT_SECRET: _secret, ...withoutSecret } = OIDC;
      expect(loadConfig(withoutSecret)).toEqual({ ok: false, problems: [expect.stringMatching(/^OIDC_CLIENT_SECRET: not set/)] });
    });

    it('refuses a bad issuer or redirect URL', () => {
      const result = loadConfig({ ...OIDC, OIDC_ISSUER: 'login.example.com', OIDC_REDIRECT_URL: 'https://chair.example.com/callback' });
      const problems = result.ok ? [] : result.problems;
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/^OIDC_ISSUER="login.example.com": must be the provider's issuer URL/);
      expect(problems[1]).toMatch(/^OIDC_REDIRECT_URL=.*must end in \/auth\/oidc\/callback/);
    });

    it('refuses a group mapping it cannot read, saying why and how to write it', () => {
      const cases: [string, RegExp][] = [
        ['admin', /"admin" has no "="/],
        ['owner=cx-leads', /"owner" is not a role: use admin, judge or viewer/],
        ['admin=a;admin=b', /admin appears twice/],
        ['admin=', /admin has no group/],
        ['admin=cx;viewer=cx', /group "cx" is given two roles \(admin and viewer\)/],
        [' ; ', /names no group/],
      ];
      for (const [value, message] of cases) {
        const result = loadConfig({ ...OIDC, OIDC_ROLE_GROUPS: value });
        const problems = result.ok ? [] : result.problems;
        expect(problems, value).toHaveLength(1);
        expect(problems[0], value).toMatch(/^OIDC_ROLE_GROUPS=/);
        expect(problems[0], value).toMatch(message);
        expect(problems[0], value).toMatch(/admin=cx-leads;judge=judges,exec-panel;viewer=execs/);
      }
    });

    it('refuses TOKEN_SIGN_IN=off without company sign-in, and values other than on/off', () => {
      expect(loadConfig({ TOKEN_SIGN_IN: 'off' })).toEqual({ ok: false, problems: [expect.stringMatching(/^TOKEN_SIGN_IN="off": nobody could sign in/)] });
      const result = loadConfig({ TOKEN_SIGN_IN: 'no' });
      expect(result.ok ? '' : result.problems[0]).toMatch(/^TOKEN_SIGN_IN="no": must be "on" or "off"/);
    });
  });
});
