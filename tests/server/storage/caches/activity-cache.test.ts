import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedInstallActivity } from '../../../../server/src/storage/caches/activity-cache';
import { openDatabase } from '../../../../server/src/storage/sqlite/open-database';
import { insertEvents } from '../../../../server/src/storage/queries/insert-events';
import { pruneEvents } from '../../../../server/src/storage/queries/prune-events';
import { makeEvent, uuidv7 } from '../../../support/make-event';

const NOW = new Date('2026-11-23T12:00:00Z');
const at = (day: string) => `${day}T09:00:00.000Z`;
/** What the table holds, in the cache's shape, for comparison. */
const fromTable = (db: ReturnType<typeof openDatabase>) =>
  (db.prepare('SELECT year, install_id AS installId, department, role, days FROM install_activity').all() as { installId: string; department: string; role: string; year: number; days: Buffer }[])
    .map((r) => ({ ...r, days: [...r.days] }))
    .sort((a, b) => `${a.installId}${a.department}${a.role}${a.year}`.localeCompare(`${b.installId}${b.department}${b.role}${b.year}`));
const fromCache = (db: ReturnType<typeof openDatabase>) =>
  cachedInstallActivity(db)
    .rows()
    .map((r) => ({ ...r, days: [...r.days] }))
    .sort((a, b) => `${a.installId}${a.department}${a.role}${a.year}`.localeCompare(`${b.installId}${b.department}${b.role}${b.year}`));

describe('the install activity cache', () => {
  it('stays equal to the table as batches arrive after it was read', () => {
    const db = openDatabase(':memory:');
    const a = uuidv7();
    const b = uuidv7();
    insertEvents(db, [makeEvent({ installId: a, at: at('2026-11-02') })], 'UTC', NOW);
    expect(fromCache(db)).toEqual(fromTable(db));

    insertEvents(
      db,
      [
        makeEvent({ installId: a, at: at('2026-11-03') }), // same row, another day
        makeEvent({ installId: a, at: at('2026-11-04'), department: 'sales', role: 'sales', actionId: 'sales-call-lost-deal' }), // moved
        makeEvent({ installId: b, at: at('2026-11-05') }), // a new install
      ],
      'UTC',
      NOW,
    );
    expect(fromCache(db)).toEqual(fromTable(db));
    expect(cachedInstallActivity(db).rows().filter((r) => r.installId === a)).toHaveLength(2);
    expect(cachedInstallActivity(db).rows().filter((r) => r.department === 'sales').map((r) => r.installId)).toEqual([a]);
  });

  it('is read again after a batch stored inside a transaction that rolled back', () => {
    const db = openDatabase(':memory:');
    insertEvents(db, [makeEvent({ at: at('2026-11-02') })], 'UTC', NOW);
    expect(cachedInstallActivity(db).rows()).toHaveLength(1);
    expect(() =>
      db.transaction(() => {
        insertEvents(db, [makeEvent({ at: at('2026-11-03') })], 'UTC', NOW);
        throw new Error('the outer work failed');
      })(),
    ).toThrow('the outer work failed');
    expect(cachedInstallActivity(db).rows()).toHaveLength(1);
    expect(fromCache(db)).toEqual(fromTable(db));
  });

  it('is read again after another connection changed the table', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cc-activity-'));
    try {
      const db = openDatabase(join(folder, 'cc.db'));
      insertEvents(db, [makeEvent({ at: at('2026-11-02') })], 'UTC', NOW);
      expect(cachedInstallActivity(db).rows()).toHaveLength(1);
      const other = openDatabase(join(folder, 'cc.db'));
      insertEvents(other, [makeEvent({ at: at('2026-11-03') })], 'UTC', NOW);
      other.close();
      expect(cachedInstallActivity(db).rows()).toHaveLength(2);
      expect(fromCache(db)).toEqual(fromTable(db));
      db.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('keeps the days of pruned events, as the table does', () => {
    const db = openDatabase(':memory:');
    insertEvents(db, [makeEvent({ at: at('2026-11-02') }), makeEvent({ at: at('2026-11-20') })], 'UTC', NOW);
    expect(cachedInstallActivity(db).rows()).toHaveLength(2);
    expect(pruneEvents(db, new Date('2026-11-10T00:00:00Z'))).toBe(1);
    expect(cachedInstallActivity(db).rows()).toHaveLength(2);
    expect(fromCache(db)).toEqual(fromTable(db));
  });
});
