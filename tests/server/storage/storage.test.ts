import { afterAll, describe, expect, it } from 'vitest';
import { postgresStorage } from '../../../server/src/storage/postgres/postgres-storage';
import { sql } from '../../../server/src/storage/sql';
import type { Storage } from '../../../server/src/storage/storage';
import { openTestStorage, testEngine } from '../../support/test-storage';

const others: Storage[] = [];
afterAll(async () => {
  await Promise.all(others.map((storage) => storage.close()));
});

/** A second connection (pool) to the same PostgreSQL database, as another instance has. */
function anotherInstance(storage: Storage): Storage {
  if (storage.engine !== 'postgres') throw new Error('PostgreSQL only');
  const url = (storage as unknown as { pool: { options: { connectionString: string } } }).pool.options.connectionString;
  const other = postgresStorage({ url, poolSize: 4, statementTimeoutMs: 10_000 });
  others.push(other);
  return other;
}

const revision = async (q: Storage) => (await q.one<{ revision: number }>(sql`SELECT revision FROM settings WHERE id = 1`))!.revision;

describe(`storage (${testEngine()})`, () => {
  it('commits a transaction that resolves, and rolls back one that throws', async () => {
    const storage = await openTestStorage();
    await storage.transaction(async (tx) => {
      await tx.run(sql`UPDATE settings SET revision = revision + 1 WHERE id = 1`);
    });
    await expect(
      storage.transaction(async (tx) => {
        await tx.run(sql`UPDATE settings SET revision = revision + 10 WHERE id = 1`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await revision(storage)).toBe(2);
  });

  it('rolls a nested transaction back alone (a savepoint)', async () => {
    const storage = await openTestStorage();
    await storage.transaction(async (tx) => {
      await tx.run(sql`UPDATE settings SET revision = 5 WHERE id = 1`);
      await tx.transaction(async (inner) => {
        await inner.run(sql`UPDATE settings SET revision = 50 WHERE id = 1`);
        throw new Error('inner');
      }).catch(() => undefined);
      expect(await revision(tx as Storage)).toBe(5);
    });
    expect(await revision(storage)).toBe(5);
  });

  it('answers changed rows, RETURNING rows, and numbers for counts', async () => {
    const storage = await openTestStorage();
    expect(await storage.run(sql`UPDATE settings SET timezone = ${'Europe/Paris'} WHERE id = 1`)).toBe(1);
    expect(await storage.run(sql`UPDATE settings SET timezone = NULL WHERE id = 2`)).toBe(0);
    const [row] = await storage.all<{ id: number }>(sql`INSERT INTO admin_tokens (label, token_hash, created_at) VALUES (${'a'}, ${'h'}, ${'2026-01-01T00:00:00Z'}) RETURNING id`);
    expect(row!.id).toBeTypeOf('number');
    expect(await storage.one(sql`SELECT COUNT(*) AS "n", SUM(id) AS "total" FROM admin_tokens`)).toEqual({ n: 1, total: row!.id });
  });

  it('gives bytes back as they were stored', async () => {
    const storage = await openTestStorage();
    const days = new Uint8Array([1, 0, 255, 7]);
    await storage.run(sql`INSERT INTO install_activity (year, install_id, department, role, days) VALUES (${2026}, ${'i'}, ${'d'}, ${'r'}, ${days})`);
    const stored = await storage.one<{ days: Buffer }>(sql`SELECT days FROM install_activity`);
    expect([...stored!.days]).toEqual([1, 0, 255, 7]);
  });

  it('runs a named job once at a time (exclusively)', async () => {
    const storage = await openTestStorage();
    let release!: () => void;
    const first = storage.exclusively('prune', () => new Promise<string>((resolve) => (release = () => resolve('first'))));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await storage.exclusively('prune', async () => 'second')).toBeUndefined();
    release();
    expect(await first).toBe('first');
    expect(await storage.exclusively('prune', async () => 'third')).toBe('third');
  });

  it.runIf(testEngine() === 'sqlite')('SQLite: a query from outside waits until the open transaction ends', async () => {
    const storage = await openTestStorage();
    const order: string[] = [];
    const transaction = storage.transaction(async (tx) => {
      await tx.run(sql`UPDATE settings SET revision = 7 WHERE id = 1`);
      await new Promise((resolve) => setTimeout(resolve, 30));
      order.push('transaction');
    });
    const read = revision(storage).then((seen) => order.push(`read ${seen}`));
    await Promise.all([transaction, read]);
    expect(order).toEqual(['transaction', 'read 7']);
  });

  it.runIf(testEngine() === 'postgres')('PostgreSQL: the same named lock makes two instances’ read-check-write run one after the other', async () => {
    const storage = await openTestStorage();
    const other = anotherInstance(storage);
    // Each reads the revision, waits, then writes it + 1 only if unchanged: without the lock both would pass.
    const bump = (q: Storage) =>
      q.transaction(
        async (tx) => {
          const seen = await revision(tx as Storage);
          await new Promise((resolve) => setTimeout(resolve, 50));
          return tx.run(sql`UPDATE settings SET revision = ${seen + 1} WHERE id = 1 AND revision = ${seen}`);
        },
        { lock: 'content' },
      );
    expect(await Promise.all([bump(storage), bump(other)])).toEqual([1, 1]);
    expect(await revision(storage)).toBe(3);
  });

  it.runIf(testEngine() === 'postgres')('PostgreSQL: a transaction aborted by a deadlock is run again with retry', async () => {
    const storage = await openTestStorage();
    const other = anotherInstance(storage);
    await storage.run(sql`INSERT INTO roles (id, name, position) VALUES ('a', 'A', 0), ('b', 'B', 1)`);
    let attempts = 0;
    // Two transactions lock the same two rows in opposite orders: PostgreSQL aborts one (40P01); retried, it succeeds.
    const crosswise = (q: Storage, first: string, second: string) =>
      q.transaction(
        async (tx) => {
          attempts++;
          await tx.run(sql`UPDATE roles SET revision = revision + 1 WHERE id = ${first}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
          await tx.run(sql`UPDATE roles SET revision = revision + 1 WHERE id = ${second}`);
        },
        { retry: true },
      );
    await Promise.all([crosswise(storage, 'a', 'b'), crosswise(other, 'b', 'a')]);
    expect(attempts).toBe(3);
    expect(await storage.all(sql`SELECT id, revision FROM roles ORDER BY id`)).toEqual([
      { id: 'a', revision: 3 },
      { id: 'b', revision: 3 },
    ]);
  });
});
