import { describe, expect, it } from 'vitest';
import { hashToken } from '../../server/src/auth/tokens';
import { bootstrap } from '../../server/src/bootstrap';
import { fixedClock } from '../../server/src/clock';
import { defaultConfig } from '../../server/src/config';
import { findAdminToken } from '../../server/src/storage/queries/find-admin-token';
import { getContentVersion } from '../../server/src/storage/queries/get-content-version';
import { sql } from '../../server/src/storage/sql';
import { openTestStorage } from '../support/test-storage';

const clock = fixedClock('2026-11-23T10:00:00Z');

describe('bootstrap', () => {
  it('seeds the demo content once, and never over existing content', async () => {
    const storage = await openTestStorage();
    expect((await bootstrap(storage, defaultConfig({ adminToken: 'x'.repeat(32) }), clock)).seededDemoContent).toBe(true);
    expect((await getContentVersion(storage))?.version).toBe(1);
    expect((await bootstrap(storage, defaultConfig({ adminToken: 'x'.repeat(32) }), clock)).seededDemoContent).toBe(false);
    expect((await getContentVersion(storage))?.version).toBe(1);
  });

  it('seeds once and makes one token when several instances start together on an empty database', async () => {
    const storage = await openTestStorage();
    const results = await Promise.all([1, 2, 3].map(() => bootstrap(storage, defaultConfig(), clock)));
    expect(results.filter((r) => r.seededDemoContent)).toHaveLength(1);
    expect(results.filter((r) => r.generatedAdminToken)).toHaveLength(1);
    expect((await getContentVersion(storage))?.version).toBe(1);
    expect(await storage.all(sql`SELECT label FROM admin_tokens`)).toEqual([{ label: 'first start' }]);
    expect(await storage.all(sql`SELECT id FROM recognition_rounds`)).toEqual([{ id: '2027-q1' }]);
  });

  it('seeds the demo recognition round open on the company-local day of seeding, with its entries, only into an empty database', async () => {
    const storage = await openTestStorage();
    // 23:30 in Auckland on 2026-11-22 UTC is already the 23rd there.
    await bootstrap(storage, defaultConfig({ adminToken: 'x'.repeat(32), timezone: 'Pacific/Auckland' }), fixedClock('2026-11-22T11:30:00Z'));
    const rounds = await storage.all(sql`SELECT id, name, submission_opens AS opens, submission_closes AS closes FROM recognition_rounds`);
    expect(rounds).toEqual([{ id: '2027-q1', name: '2027 Q1', opens: '2026-11-09', closes: '2026-12-14' }]);
    const entries = await storage.all<{ id: string; receipt: string; install: string }>(
      sql`SELECT id, receipt_hash AS receipt, install_hash AS install FROM recognition_entries WHERE round_id = '2027-q1'`,
    );
    expect(entries).toHaveLength(4);
    for (const entry of entries) {
      expect(entry.id).toMatch(/^e-[a-z2-7]{12}$/);
      expect(entry.receipt).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.install).toMatch(/^[0-9a-f]{64}$/);
    }
    await storage.run(sql`DELETE FROM recognition_entries`);
    await storage.run(sql`DELETE FROM recognition_rounds`);
    await bootstrap(storage, defaultConfig({ adminToken: 'x'.repeat(32) }), clock);
    expect(await storage.all(sql`SELECT id FROM recognition_rounds`)).toEqual([]);
  });

  it('stores only the hash of a generated admin token, and generates one only when none exists', async () => {
    const storage = await openTestStorage();
    const { generatedAdminToken } = await bootstrap(storage, defaultConfig(), clock);
    expect(generatedAdminToken).toMatch(/^cc_admin_/);
    const stored = await storage.all<{ token_hash: string }>(sql`SELECT token_hash FROM admin_tokens`);
    expect(stored).toEqual([{ token_hash: hashToken(generatedAdminToken!) }]);
    expect(JSON.stringify(await storage.all(sql`SELECT * FROM admin_tokens`))).not.toContain(generatedAdminToken);
    expect((await bootstrap(storage, defaultConfig(), clock)).generatedAdminToken).toBeUndefined();
  });

  it('uses ADMIN_TOKEN when set, without generating another', async () => {
    const storage = await openTestStorage();
    const result = await bootstrap(storage, defaultConfig({ adminToken: 'configured-admin-token-0123456789abcdef' }), clock);
    expect(result.generatedAdminToken).toBeUndefined();
    expect((await findAdminToken(storage, hashToken('configured-admin-token-0123456789abcdef')))?.label).toBe('ADMIN_TOKEN (environment)');
  });
});
