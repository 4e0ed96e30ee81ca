import { afterEach, describe, expect, it } from 'vitest';
import { postgresEventWriter } from '../../../../server/src/storage/postgres/postgres-event-writer';
import { postgresStorage } from '../../../../server/src/storage/postgres/postgres-storage';
import { sql } from '../../../../server/src/storage/sql';
import type { PostgresQueries, Storage } from '../../../../server/src/storage/storage';
import type { UsageEvent } from '../../../../shared/src/schemas/usage-event';
import { makeEvent, uuidv7 } from '../../../support/make-event';
import { recountRollUps } from '../../../support/recount-roll-ups';
import { countStored } from '../../../support/stored-events';
import { openTestStorage, testEngine } from '../../../support/test-storage';

const NOW = new Date('2026-11-25T12:00:00Z');
const batch = (size: number, overrides: Partial<UsageEvent> = {}) => {
  const installId = uuidv7();
  return Array.from({ length: size }, () => makeEvent({ installId, at: '2026-11-25T09:00:00.000Z', ...overrides }));
};

async function openPostgres(): Promise<Storage & PostgresQueries> {
  const storage = await openTestStorage();
  if (storage.engine !== 'postgres') throw new Error('PostgreSQL only');
  return storage;
}

/** Another instance's storage on the same database (its own pool). */
const others: Storage[] = [];
afterEach(async () => {
  await Promise.all(others.splice(0).map((storage) => storage.close()));
});
function anotherInstance(storage: Storage): Storage & PostgresQueries {
  const url = (storage as unknown as { pool: { options: { connectionString: string } } }).pool.options.connectionString;
  const other = postgresStorage({ url, poolSize: 4, statementTimeoutMs: 60_000 });
  others.push(other);
  return other;
}

/** How many transactions wrote the stored events (each row's xmin is the transaction that inserted it). */
const transactions = async (storage: Storage) =>
  (await storage.one<{ n: number }>(sql`SELECT COUNT(DISTINCT CAST(xmin AS TEXT)) AS n FROM events`))!.n;

describe.skipIf(testEngine() !== 'postgres')('postgresEventWriter', () => {
  it('stores the batches that arrive together in one transaction, a batch alone in its own', async () => {
    const storage = await openPostgres();
    const writer = postgresEventWriter(storage);
    const results = await Promise.all([writer.store(batch(20), 'UTC', NOW), writer.store(batch(5), 'UTC', NOW), writer.store(batch(1), 'UTC', NOW)]);
    expect(results).toEqual([
      { accepted: 20, duplicates: 0 },
      { accepted: 5, duplicates: 0 },
      { accepted: 1, duplicates: 0 },
    ]);
    expect(await transactions(storage)).toBe(1);
    await writer.store(batch(2), 'UTC', NOW);
    expect(await transactions(storage)).toBe(2);
  });

  it('fails a batch the database refuses alone: the others of its flush are stored, each in a transaction of its own then', async () => {
    const storage = await openPostgres();
    const writer = postgresEventWriter(storage);
    // PostgreSQL's text cannot hold U+0000 (SQLSTATE 22021): the whole flush fails, then each batch is stored alone.
    const refused = batch(2, { department: 'sa\u0000les' });
    const settled = await Promise.allSettled([writer.store(batch(3), 'UTC', NOW), writer.store(refused, 'UTC', NOW), writer.store(batch(4), 'UTC', NOW)]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(((settled[1] as PromiseRejectedResult).reason as { code: string }).code).toMatch(/^22/);
    expect(await countStored(storage, 'events')).toBe(7);
    expect(await transactions(storage)).toBe(2);
    const { stored, recounted } = await recountRollUps(storage);
    expect(stored).toEqual(recounted);
  });

  it('runs the whole flush again after a serialization failure or a deadlock, and answers only once it has committed', async () => {
    const storage = await openPostgres();
    // The first two transactions to touch the roll-ups fail as PostgreSQL fails a transaction it has to abort.
    await storage.run(sql`CREATE SEQUENCE failures`);
    await storage.run(sql`
      CREATE FUNCTION fail_twice() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        CASE nextval('failures')
          WHEN 1 THEN RAISE EXCEPTION 'could not serialize access' USING ERRCODE = '40001';
          WHEN 2 THEN RAISE EXCEPTION 'deadlock detected' USING ERRCODE = '40P01';
          ELSE RETURN NULL;
        END CASE;
      END $$`);
    await storage.run(sql`CREATE TRIGGER fail_twice AFTER INSERT ON daily_counts FOR EACH STATEMENT EXECUTE FUNCTION fail_twice()`);
    const writer = postgresEventWriter(storage);
    const first = batch(3);
    const results = await Promise.all([writer.store(first, 'UTC', NOW), writer.store([...first, ...batch(2)], 'UTC', NOW)]);
    expect(results).toEqual([
      { accepted: 3, duplicates: 0 },
      { accepted: 2, duplicates: 3 },
    ]);
    expect(await storage.one(sql`SELECT last_value AS tries FROM failures`)).toEqual({ tries: 3 });
    expect(await countStored(storage, 'events')).toBe(5);
    const { stored, recounted } = await recountRollUps(storage);
    expect(stored).toEqual(recounted);
  });

  it('marks every roll-up row it changes with its transaction (changed), and leaves a day already marked as it was', async () => {
    const storage = await openPostgres();
    const writer = postgresEventWriter(storage);
    const installId = uuidv7();
    const event = (at: string) => makeEvent({ installId, at, surface: 'meet' });
    const marks = async () =>
      Object.fromEntries(
        await Promise.all(
          (['daily_counts', 'install_activity', 'install_cells'] as const).map(async (table) => [
            table,
            (await storage.all<{ changed: string }>(sql`SELECT CAST(changed AS TEXT) AS changed FROM ${sql.raw(table)} ORDER BY 1`)).map((r) => BigInt(r.changed)),
          ]),
        ),
      ) as Record<'daily_counts' | 'install_activity' | 'install_cells', bigint[]>;

    await writer.store([event('2026-11-24T09:00:00.000Z')], 'UTC', NOW);
    const inserted = await marks();
    // The same install, day and cells again: the counts move, the day bits do not.
    await writer.store([event('2026-11-24T10:00:00.000Z')], 'UTC', NOW);
    const counted = await marks();
    expect(counted.daily_counts[0]).toBeGreaterThan(inserted.daily_counts[0]!);
    expect(counted.install_activity).toEqual(inserted.install_activity);
    expect(counted.install_cells).toEqual(inserted.install_cells);
    // A new day for the same rows: the bits move, and so does each row's mark.
    await writer.store([event('2026-11-25T09:00:00.000Z')], 'UTC', NOW);
    const marked = await marks();
    expect(marked.install_activity[0]).toBeGreaterThan(counted.install_activity[0]!);
    expect(marked.install_cells.every((mark) => mark > counted.install_cells.at(-1)!)).toBe(true);
    const { stored, recounted } = await recountRollUps(storage);
    expect(stored).toEqual(recounted);
  });

  it('holds with several instances writing the same database at once: every event stored once, the roll-ups a recount, 20 installs kept per story exactly', async () => {
    const storage = await openPostgres();
    const instances = [storage, anotherInstance(storage), anotherInstance(storage)];
    const writers = instances.map((instance) => postgresEventWriter(instance));
    const installs = Array.from({ length: 45 }, () => uuidv7());
    const departments = ['sales', 'legal'] as const;
    const rounds = Array.from({ length: 25 }, (_, round) =>
      Array.from({ length: 6 }, (_, b) => {
        const department = departments[(round + b) % 2]!;
        return Array.from({ length: 8 }, (_, e) =>
          makeEvent({
            installId: installs[(round * 7 + b * 5 + e * 3) % installs.length]!,
            department,
            role: department,
            at: `2026-11-${String(23 + (e % 3)).padStart(2, '0')}T09:00:00.000Z`,
            ...(e % 2 ? { type: 'story_viewed' as const, storyId: 'story-a' } : { actionId: 'sales-call' }),
          }),
        );
      }),
    );
    const distinct = new Set(rounds.flat(2).map((e) => e.id)).size;
    let accepted = 0;
    // Every batch goes to two instances at once (a client re-sending through the load balancer), the rounds overlapping.
    await Promise.all(
      rounds.map(async (batches, round) => {
        const results = await Promise.all(
          batches.flatMap((events, b) => [writers[(round + b) % 3]!.store(events, 'UTC', NOW), writers[(round + b + 1) % 3]!.store(events, 'UTC', NOW)]),
        );
        for (const [i, result] of results.entries()) {
          expect(result.accepted + result.duplicates).toBe(batches[i >> 1]!.length);
          accepted += result.accepted;
        }
      }),
    );
    expect(accepted).toBe(distinct);
    expect(await countStored(storage, 'events')).toBe(distinct);
    const { stored, recounted } = await recountRollUps(storage);
    expect(stored).toEqual(recounted);
    expect(stored.story_reach).toEqual(['2026-11-23|legal|story-a|20', '2026-11-23|sales|story-a|20']);
  });

  it('keeps exactly 20 installs of a story when flushes that share no other row add to it at once', async () => {
    // Sunday night: the whole week of 11-23 is this week. One event per flush, each with a day and type of its own
    // (so no roll-up row but the story's is shared: nothing else makes the flushes wait for each other), 21 per department.
    const sunday = new Date('2026-11-29T22:00:00Z');
    const storage = await openPostgres();
    const writers = [storage, ...Array.from({ length: 6 }, () => anotherInstance(storage))].map((instance) => postgresEventWriter(instance));
    const departments = ['sales', 'legal', 'support', 'finance', 'product'];
    const types = ['story_viewed', 'story_inserted', 'story_shared'] as const;
    const flushes = departments.flatMap((department) =>
      Array.from({ length: 21 }, (_, i) => [
        makeEvent({ department, role: department, type: types[i % 3]!, storyId: 'story-a', at: `2026-11-${23 + Math.floor(i / 3)}T09:00:00.000Z` }),
      ]),
    );
    await Promise.all(flushes.map((events, i) => writers[i % writers.length]!.store(events, 'UTC', sunday)));
    const { stored, recounted } = await recountRollUps(storage);
    expect(stored).toEqual(recounted);
    expect(stored.story_reach).toEqual(departments.map((department) => `2026-11-23|${department}|story-a|20`).sort());
  });
});
