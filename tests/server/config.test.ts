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
        dashboardDir: expect.stringMatching(/server\/dist\/dashboard\/$/),
      },
    });
  });

  it('reads every variable', () => {
    const result = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATABASE_PATH: '/var/lib/cc.db',
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
});
