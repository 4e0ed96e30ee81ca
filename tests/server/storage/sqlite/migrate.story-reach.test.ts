import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../../server/src/storage/sqlite/migrate';
import { openDatabase } from '../../../../server/src/storage/sqlite/open-database';
import { STORY_REACH_KEPT } from '../../../../server/src/storage/queries/insert-events';
import { pruneEvents } from '../../../../server/src/storage/queries/prune-events';
import { sqliteStorage } from '../../../../server/src/storage/sqlite/sqlite-storage';
import { storeEventsNow } from '../../../../server/src/storage/sqlite/store-events';
import type { UsageEvent } from '../../../../shared/src/schemas/usage-event';
import { makeEvent, uuidv7 } from '../../../support/make-event';
import { onTimeBatches } from '../../../support/on-time';

type Db = ReturnType<typeof openDatabase>;
const NOW = new Date('2026-11-25T12:00:00Z');
const at = (day: string, time = '09:00:00') => `${day}T${time}.000Z`;

/** Ingest's own writes (synchronous, on this connection), each week's events received on time. */
function insertEventsOnTime(db: Db, events: UsageEvent[], timezone: string, notAfter: Date) {
  for (const batch of onTimeBatches(events, timezone, notAfter)) storeEventsNow(db, batch.events, timezone, batch.now);
}

const reach = (db: Db) => db.prepare('SELECT week, department, story_id AS storyId, install_id AS installId FROM story_reach ORDER BY 1, 2, 3, 4').all();

/** Back to a database from before 007, its events kept, then migrated again. */
function remigrate(db: Db) {
  db.exec('DROP TABLE story_reach; PRAGMA user_version = 6');
  expect(migrate(db, loadMigrations().filter((m) => m.version === 7))).toEqual([7]);
}

const seen = (installId: string, day: string, overrides: Partial<UsageEvent> = {}) =>
  makeEvent({ installId, type: 'story_viewed', storyId: 'story-a', department: 'sales', role: 'sales', at: at(day), ...overrides });

describe('migration 007: story_reach', () => {
  it(`backfills from the raw events what ingest writes: distinct installs per week, department and story, at most ${STORY_REACH_KEPT}`, () => {
    const db = openDatabase(':memory:');
    // Sorted, so that the first 20 ingest keeps are the 20 the backfill keeps (the smallest ids).
    const installs = Array.from({ length: 24 }, () => uuidv7()).sort();
    const events: UsageEvent[] = [
      ...installs.map((id, i) => seen(id, `2026-11-${String(16 + (i % 7)).padStart(2, '0')}`)),
      // The same install again, by every kind of story event: once.
      seen(installs[0]!, '2026-11-17', { type: 'story_inserted', surface: 'meet' }),
      seen(installs[0]!, '2026-11-18', { type: 'story_shared' }),
      // Another story, department and week; a Sunday and the Monday after.
      seen(installs[1]!, '2026-11-22', { storyId: 'story-b' }),
      seen(installs[2]!, '2026-11-22', { department: 'legal', role: 'legal' }),
      seen(installs[2]!, '2026-11-23'),
      // Not stories: nobody.
      makeEvent({ installId: installs[3]!, type: 'prompt_shown', at: at('2026-11-19') }),
      makeEvent({ installId: installs[3]!, at: at('2026-11-19') }),
    ];
    insertEventsOnTime(db, events, 'UTC', NOW);
    const ingested = reach(db);
    expect(ingested.filter((r) => (r as { week: string }).week === '2026-11-16')).toHaveLength(STORY_REACH_KEPT + 2);

    remigrate(db);
    expect(reach(db)).toEqual(ingested);
    expect(reach(db)).toEqual(
      [
        ...installs.slice(0, STORY_REACH_KEPT).map((installId) => ({ week: '2026-11-16', department: 'sales', storyId: 'story-a', installId })),
        { week: '2026-11-16', department: 'sales', storyId: 'story-b', installId: installs[1] },
        { week: '2026-11-16', department: 'legal', storyId: 'story-a', installId: installs[2] },
        { week: '2026-11-23', department: 'sales', storyId: 'story-a', installId: installs[2] },
      ].sort((a, b) => `${a.week} ${a.department} ${a.storyId} ${a.installId}`.localeCompare(`${b.week} ${b.department} ${b.storyId} ${b.installId}`)),
    );
  });

  it(`keeps the ${STORY_REACH_KEPT} smallest install ids of a larger audience, whatever order the events came in`, () => {
    const db = openDatabase(':memory:');
    const installs = Array.from({ length: 30 }, (_, i) => `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`);
    insertEventsOnTime(db, [...installs].reverse().map((id) => seen(id, '2026-11-18')), 'UTC', NOW);
    remigrate(db);
    expect(reach(db).map((r) => (r as { installId: string }).installId)).toEqual(installs.slice(0, STORY_REACH_KEPT));
  });

  it('takes the week from the stored company-local day, not from the UTC time', () => {
    const db = openDatabase(':memory:');
    const a = uuidv7();
    // Monday 03:00 UTC is still Sunday evening in Chicago: the week before.
    insertEventsOnTime(db, [seen(a, '2026-11-23', { at: at('2026-11-23', '03:00:00') })], 'America/Chicago', NOW);
    remigrate(db);
    expect(reach(db)).toEqual([{ week: '2026-11-16', department: 'sales', storyId: 'story-a', installId: a }]);
  });

  it('backfills nothing for events already pruned: those weeks list no story', async () => {
    const db = openDatabase(':memory:');
    const [a, b] = [uuidv7(), uuidv7()];
    insertEventsOnTime(db, [seen(a, '2026-11-03'), seen(b, '2026-11-17')], 'UTC', NOW);
    await pruneEvents(sqliteStorage(db), new Date('2026-11-10T00:00:00Z'));
    remigrate(db);
    expect(reach(db)).toEqual([{ week: '2026-11-16', department: 'sales', storyId: 'story-a', installId: b }]);
  });

  it('backfills nothing on an empty database', () => {
    const db = openDatabase(':memory:');
    remigrate(db);
    expect(reach(db)).toEqual([]);
  });

  // The API accepts a storyId on a prompt or action event; ingest counts only story events in a story's reach.
  it('backfills from story events only, as ingest does, not from a prompt or action event that carries a story id', () => {
    const db = openDatabase(':memory:');
    const a = uuidv7();
    insertEventsOnTime(
      db,
      [
        makeEvent({ installId: a, type: 'prompt_shown', promptId: 'prompt-a', storyId: 'story-a', at: at('2026-11-17') }),
        makeEvent({ installId: a, storyId: 'story-a', at: at('2026-11-17') }),
      ],
      'UTC',
      NOW,
    );
    expect(reach(db)).toEqual([]);
    remigrate(db);
    expect(reach(db)).toEqual([]);
  });
});
