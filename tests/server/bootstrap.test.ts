import { describe, expect, it } from 'vitest';
import { hashToken } from '../../server/src/auth/tokens';
import { bootstrap } from '../../server/src/bootstrap';
import { fixedClock } from '../../server/src/clock';
import { defaultConfig } from '../../server/src/config';
import { openDatabase } from '../../server/src/storage/sqlite/open-database';
import { findAdminToken } from '../../server/src/storage/queries/find-admin-token';
import { getContentVersion } from '../../server/src/storage/queries/get-content-version';

const clock = fixedClock('2026-11-23T10:00:00Z');

describe('bootstrap', () => {
  it('seeds the demo content once, and never over existing content', () => {
    const db = openDatabase(':memory:');
    expect(bootstrap(db, defaultConfig({ adminToken: 'x'.repeat(32) }), clock).seededDemoContent).toBe(true);
    expect(getContentVersion(db)?.version).toBe(1);
    expect(bootstrap(db, defaultConfig({ adminToken: 'x'.repeat(32) }), clock).seededDemoContent).toBe(false);
    expect(getContentVersion(db)?.version).toBe(1);
  });

  it('stores only the hash of a generated admin token, and generates one only when none exists', () => {
    const db = openDatabase(':memory:');
    const { generatedAdminToken } = bootstrap(db, defaultConfig(), clock);
    expect(generatedAdminToken).toMatch(/^cc_admin_/);
    const stored = db.prepare('SELECT token_hash FROM admin_tokens').all() as { token_hash: string }[];
    expect(stored).toEqual([{ token_hash: hashToken(generatedAdminToken!) }]);
    expect(JSON.stringify(db.prepare('SELECT * FROM admin_tokens').all())).not.toContain(generatedAdminToken);
    expect(bootstrap(db, defaultConfig(), clock).generatedAdminToken).toBeUndefined();
  });

  it('uses ADMIN_TOKEN when set, without generating another', () => {
    const db = openDatabase(':memory:');
    const result = bootstrap(db, defaultConfig({ adminToken: 'configured-admin-token-0123456789abcdef' }), clock);
    expect(result.generatedAdminToken).toBeUndefined();
    expect(findAdminToken(db, hashToken('configured-admin-token-0123456789abcdef'))?.label).toBe('ADMIN_TOKEN (environment)');
  });
});
