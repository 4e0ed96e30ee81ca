import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../server/src/storage/sqlite/open-database';
import { insertEvents } from '../../../../server/src/storage/queries/insert-events';
import { insertInstalls } from '../../../../server/src/storage/queries/insert-installs';
import { isKnownInstall } from '../../../../server/src/storage/queries/is-known-install';
import { makeEvent, uuidv7 } from '../../../support/make-event';

const installs = (db: ReturnType<typeof openDatabase>) =>
  db.prepare('SELECT install_id AS installId, first_seen_day AS day FROM installs ORDER BY first_seen_day, install_id').all();

describe('insertInstalls', () => {
  it('keeps the first day an install was seen', () => {
    const db = openDatabase(':memory:');
    insertInstalls(db, ['a', 'b'], '2026-11-02');
    insertInstalls(db, ['b', 'c'], '2026-11-03');
    expect(installs(db)).toEqual([
      { installId: 'a', day: '2026-11-02' },
      { installId: 'b', day: '2026-11-02' },
      { installId: 'c', day: '2026-11-03' },
    ]);
    expect(isKnownInstall(db, 'b')).toBe(true);
    expect(isKnownInstall(db, 'd')).toBe(false);
  });

  it('is filled by ingest, once per install, with the company-local day of receipt (not of the events)', () => {
    const db = openDatabase(':memory:');
    const install = uuidv7();
    // 23:30 UTC is already the next day in Tokyo; the events themselves are from days before.
    insertEvents(db, [makeEvent({ installId: install.toUpperCase(), at: '2026-11-20T09:00:00.000Z' }), makeEvent({ installId: install, at: '2026-11-21T09:00:00.000Z' })], 'Asia/Tokyo', new Date('2026-11-23T23:30:00Z'));
    insertEvents(db, [makeEvent({ installId: install, at: '2026-11-25T09:00:00.000Z' })], 'Asia/Tokyo', new Date('2026-11-25T10:00:00Z'));
    expect(installs(db)).toEqual([{ installId: install, day: '2026-11-24' }]);
  });

  it('rolls back with the batch it came with', () => {
    const db = openDatabase(':memory:');
    // A roll-up written after the installs fails: the install goes with the rest of the batch.
    db.exec("CREATE TRIGGER fail BEFORE INSERT ON daily_counts BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() => insertEvents(db, [makeEvent()], 'UTC', new Date('2026-11-23T10:00:00Z'))).toThrow(/disk full/);
    expect(installs(db)).toEqual([]);
  });
});
