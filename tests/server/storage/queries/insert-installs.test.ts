import { describe, expect, it } from 'vitest';
import { insertEvents } from '../../../../server/src/storage/queries/insert-events';
import { insertInstalls } from '../../../../server/src/storage/queries/insert-installs';
import { isKnownInstall } from '../../../../server/src/storage/queries/is-known-install';
import { sql } from '../../../../server/src/storage/sql';
import type { Storage } from '../../../../server/src/storage/storage';
import { makeEvent, uuidv7 } from '../../../support/make-event';
import { openTestStorage } from '../../../support/test-storage';

const installs = (storage: Storage) =>
  storage.all(sql`SELECT install_id AS "installId", first_seen_day AS day FROM installs ORDER BY first_seen_day, install_id`);

/** Makes every insert into `table` fail with `message`, as a full disk would. */
async function failInserts(storage: Storage, table: string, message: string) {
  if (storage.engine === 'sqlite') {
    await storage.run(sql`CREATE TRIGGER fail BEFORE INSERT ON ${sql.raw(table)} BEGIN SELECT RAISE(ABORT, ${sql.raw(`'${message}'`)}); END`);
    return;
  }
  await storage.run(sql`CREATE FUNCTION fail() RETURNS trigger LANGUAGE plpgsql AS ${sql.raw(`$$ BEGIN RAISE EXCEPTION '${message}'; END $$`)}`);
  await storage.run(sql`CREATE TRIGGER fail BEFORE INSERT ON ${sql.raw(table)} FOR EACH ROW EXECUTE FUNCTION fail()`);
}

describe('insertInstalls', () => {
  it('keeps the first day an install was seen', async () => {
    const storage = await openTestStorage();
    await insertInstalls(storage, ['a', 'b'], '2026-11-02');
    await insertInstalls(storage, ['b', 'c'], '2026-11-03');
    expect(await installs(storage)).toEqual([
      { installId: 'a', day: '2026-11-02' },
      { installId: 'b', day: '2026-11-02' },
      { installId: 'c', day: '2026-11-03' },
    ]);
    expect(await isKnownInstall(storage, 'b')).toBe(true);
    expect(await isKnownInstall(storage, 'd')).toBe(false);
  });

  it('is filled by ingest, once per install, with the company-local day of receipt (not of the events)', async () => {
    const storage = await openTestStorage();
    const install = uuidv7();
    // 23:30 UTC is already the next day in Tokyo; the events themselves are from days before.
    await insertEvents(
      storage,
      [makeEvent({ installId: install.toUpperCase(), at: '2026-11-20T09:00:00.000Z' }), makeEvent({ installId: install, at: '2026-11-21T09:00:00.000Z' })],
      'Asia/Tokyo',
      new Date('2026-11-23T23:30:00Z'),
    );
    await insertEvents(storage, [makeEvent({ installId: install, at: '2026-11-25T09:00:00.000Z' })], 'Asia/Tokyo', new Date('2026-11-25T10:00:00Z'));
    expect(await installs(storage)).toEqual([{ installId: install, day: '2026-11-24' }]);
  });

  it('rolls back with the batch it came with', async () => {
    const storage = await openTestStorage();
    // A roll-up written after the installs fails: the install goes with the rest of the batch.
    await failInserts(storage, 'daily_counts', 'disk full');
    await expect(insertEvents(storage, [makeEvent()], 'UTC', new Date('2026-11-23T10:00:00Z'))).rejects.toThrow(/disk full/);
    expect(await installs(storage)).toEqual([]);
  });
});
