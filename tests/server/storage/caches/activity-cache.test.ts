import { describe, expect, it } from 'vitest';
import type { ActivityRow } from '../../../../shared/src/domain/install-activity';
import { statsCaches } from '../../../../server/src/storage/caches/stats-caches';
import { insertEvents } from '../../../../server/src/storage/queries/insert-events';
import { pruneEvents } from '../../../../server/src/storage/queries/prune-events';
import { sql } from '../../../../server/src/storage/sql';
import type { Storage } from '../../../../server/src/storage/storage';
import { makeEvent, uuidv7 } from '../../../support/make-event';
import { insertEventsOnTime } from '../../../support/on-time';
import { openSameDatabase } from '../../../support/same-database';
import { openTestStorage, testEngine } from '../../../support/test-storage';

const NOW = new Date('2026-11-23T12:00:00Z');
const at = (day: string) => `${day}T09:00:00.000Z`;
const key = (r: Omit<ActivityRow, 'days'>) => `${r.installId}\u0000${r.department}\u0000${r.role}\u0000${r.year}`;
const plain = (rows: ActivityRow[]) => rows.map((r) => ({ ...r, days: [...r.days] })).sort((a, b) => key(a).localeCompare(key(b)));
/** What the table holds, in the cache's shape, for comparison. */
const fromTable = async (storage: Storage) =>
  plain(await storage.all<ActivityRow>(sql`SELECT year, install_id AS "installId", department, role, days FROM install_activity`));
const fromCache = (storage: Storage) => statsCaches.read(storage, (tables) => plain(tables.installActivity.rows()));

describe('the install activity cache', () => {
  it('stays equal to the table as batches arrive after it was read', async () => {
    const storage = await openTestStorage();
    const a = uuidv7();
    const b = uuidv7();
    await insertEvents(storage, [makeEvent({ installId: a, at: at('2026-11-02') })], 'UTC', NOW);
    expect(await fromCache(storage)).toEqual(await fromTable(storage));

    await insertEvents(
      storage,
      [
        makeEvent({ installId: a, at: at('2026-11-03') }), // same row, another day
        makeEvent({ installId: a, at: at('2026-11-04'), department: 'sales', role: 'sales', actionId: 'sales-call-lost-deal' }), // moved
        makeEvent({ installId: b, at: at('2026-11-05') }), // a new install
      ],
      'UTC',
      NOW,
    );
    const cached = await fromCache(storage);
    expect(cached).toEqual(await fromTable(storage));
    expect(cached.filter((r) => r.installId === a)).toHaveLength(2);
    expect(cached.filter((r) => r.department === 'sales').map((r) => r.installId)).toEqual([a]);
  });

  it('is read again after a batch stored inside a transaction that rolled back', async () => {
    const storage = await openTestStorage();
    await insertEvents(storage, [makeEvent({ at: at('2026-11-02') })], 'UTC', NOW);
    expect(await fromCache(storage)).toHaveLength(1);
    await expect(
      storage.transaction(async (tx) => {
        await insertEvents(tx, [makeEvent({ at: at('2026-11-03') })], 'UTC', NOW);
        throw new Error('the outer work failed');
      }),
    ).rejects.toThrow('the outer work failed');
    expect(await fromCache(storage)).toHaveLength(1);
    expect(await fromCache(storage)).toEqual(await fromTable(storage));
  });

  it(`is read again after another ${testEngine() === 'sqlite' ? 'connection' : 'instance'} changed the table`, async () => {
    const { storage, another, close } = await openSameDatabase();
    try {
      await insertEvents(storage, [makeEvent({ at: at('2026-11-02') })], 'UTC', NOW);
      expect(await fromCache(storage)).toHaveLength(1);
      const other = await another();
      await insertEvents(other, [makeEvent({ at: at('2026-11-03') })], 'UTC', NOW);
      expect(await fromCache(storage)).toHaveLength(2);
      expect(await fromCache(storage)).toEqual(await fromTable(storage));
    } finally {
      await close();
    }
  });

  it('keeps the days of pruned events, as the table does', async () => {
    const storage = await openTestStorage();
    await insertEvents(storage, [makeEvent({ at: at('2026-11-02') }), makeEvent({ at: at('2026-11-20') })], 'UTC', NOW);
    expect(await fromCache(storage)).toHaveLength(2);
    expect(await pruneEvents(storage, new Date('2026-11-10T00:00:00Z'))).toBe(1);
    expect(await fromCache(storage)).toHaveLength(2);
    expect(await fromCache(storage)).toEqual(await fromTable(storage));
  });

  it.skipIf(testEngine() !== 'postgres')('on PostgreSQL, takes the days another instance merged into a row it holds', async () => {
    const { storage, another, close } = await openSameDatabase();
    try {
      const installId = uuidv7();
      // On time: each event keeps its own day (a finished week's would count on the day it arrives).
      await insertEventsOnTime(storage, [makeEvent({ installId, at: at('2026-11-02') })], 'UTC', NOW);
      expect(await fromCache(storage)).toHaveLength(1);
      const other = await another();
      await insertEventsOnTime(other, [makeEvent({ installId, at: at('2026-11-05') })], 'UTC', NOW);
      const active = (day: string) => statsCaches.read(storage, (tables) => tables.installActivity.activeRows(day, day)[0]);
      expect(await active('2026-11-05')).toBe(1);
      expect(await active('2026-11-02')).toBe(1);
      expect(await fromCache(storage)).toEqual(await fromTable(storage));
    } finally {
      await close();
    }
  });
});
