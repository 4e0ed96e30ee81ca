import { describe, expect, it } from 'vitest';
import type { UsageEvent } from '../../../../shared/src/schemas/usage-event';
import { openDatabase } from '../../../../server/src/storage/sqlite/open-database';
import { insertEvents, STORY_REACH_KEPT } from '../../../../server/src/storage/queries/insert-events';
import { makeEvent, uuidv7 } from '../../../support/make-event';
import { insertEventsOnTime } from '../../../support/on-time';

type Db = ReturnType<typeof openDatabase>;
const NOW = new Date('2026-11-25T12:00:00Z');
const at = (day: string, time = '09:00:00') => `${day}T${time}.000Z`;

/** story_reach, one row per week × department × story, with its install ids sorted. */
function reach(db: Db): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of db.prepare('SELECT week, department, story_id AS storyId, install_id AS installId FROM story_reach ORDER BY 1, 2, 3, 4').all() as {
    week: string;
    department: string;
    storyId: string;
    installId: string;
  }[]) {
    (out[`${r.week} ${r.department} ${r.storyId}`] ??= []).push(r.installId);
  }
  return out;
}

const seen = (installId: string, day: string, overrides: Partial<UsageEvent> = {}) =>
  makeEvent({ installId, type: 'story_viewed', storyId: 'story-a', department: 'sales', role: 'sales', at: at(day), ...overrides });

describe('insertEvents: story_reach', () => {
  it(`keeps at most ${STORY_REACH_KEPT} installs per week, department and story, the first that arrive`, () => {
    expect(STORY_REACH_KEPT).toBe(20);
    const db = openDatabase(':memory:');
    const installs = Array.from({ length: 25 }, () => uuidv7());
    // 18 in one batch, then 7 more: the cap holds across batches.
    insertEventsOnTime(db, installs.slice(0, 18).map((id) => seen(id, '2026-11-17')), 'UTC', NOW);
    insertEventsOnTime(db, installs.slice(18).map((id) => seen(id, '2026-11-18')), 'UTC', NOW);
    // The same story in another department, and in the next week: cells of their own.
    insertEventsOnTime(db, [seen(installs[24]!, '2026-11-18', { department: 'legal', role: 'legal' }), seen(installs[24]!, '2026-11-23')], 'UTC', NOW);
    expect(reach(db)).toEqual({
      '2026-11-16 sales story-a': installs.slice(0, 20).sort(),
      '2026-11-16 legal story-a': [installs[24]],
      '2026-11-23 sales story-a': [installs[24]],
    });
    // The full cell takes nobody new, while its events are still counted.
    insertEventsOnTime(db, [seen(uuidv7(), '2026-11-19')], 'UTC', NOW);
    expect(reach(db)['2026-11-16 sales story-a']).toHaveLength(STORY_REACH_KEPT);
    expect(db.prepare("SELECT SUM(count) AS n FROM daily_item_counts WHERE item_id = 'story-a' AND department = 'sales'").get()).toEqual({ n: 27 });
  });

  it('keeps an install once, however often and however it saw or used the story', () => {
    const db = openDatabase(':memory:');
    const [a, b] = [uuidv7(), uuidv7()];
    insertEventsOnTime(
      db,
      [
        seen(a, '2026-11-16'),
        seen(a, '2026-11-16', { surface: 'popup' }),
        seen(a, '2026-11-18', { type: 'story_inserted', surface: 'meet' }),
        seen(a.toUpperCase(), '2026-11-19', { type: 'story_shared' }), // the same install, in capitals
        seen(b, '2026-11-22', { type: 'story_shared' }),
      ],
      'UTC',
      NOW,
    );
    insertEventsOnTime(db, [seen(a, '2026-11-20'), seen(b, '2026-11-20', { type: 'story_inserted' })], 'UTC', NOW);
    expect(reach(db)).toEqual({ '2026-11-16 sales story-a': [a, b].sort() });
  });

  it('counts stories only: prompts and actions add nobody, even with a story id on them, and a replayed event adds nothing', () => {
    const db = openDatabase(':memory:');
    const a = uuidv7();
    const prompt = makeEvent({ installId: a, type: 'prompt_shown', promptId: 'prompt-a', storyId: 'story-a', at: at('2026-11-17') });
    insertEventsOnTime(db, [prompt, makeEvent({ installId: a, at: at('2026-11-17'), storyId: 'story-a' })], 'UTC', NOW);
    expect(reach(db)).toEqual({});
    const view = seen(a, '2026-11-17');
    insertEventsOnTime(db, [view], 'UTC', NOW);
    db.exec('DELETE FROM story_reach');
    expect(insertEventsOnTime(db, [view], 'UTC', NOW)).toEqual({ accepted: 0, duplicates: 1 });
    expect(reach(db)).toEqual({});
  });

  it("files an event under the company-local week of its day", () => {
    const db = openDatabase(':memory:');
    const a = uuidv7();
    // Monday 03:00 UTC is still Sunday evening in Chicago: the week before.
    insertEventsOnTime(db, [seen(a, '2026-11-23', { at: at('2026-11-23', '03:00:00') })], 'America/Chicago', NOW);
    expect(reach(db)).toEqual({ '2026-11-16 sales story-a': [a] });
  });
});

/** Every roll-up, and the day stored with each raw event (by id), as sorted rows. */
function stored(db: Db) {
  const rows = (sql: string) => (db.prepare(sql).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
  return {
    events: rows('SELECT id, day FROM events'),
    ...Object.fromEntries(
      ['daily_counts', 'install_activity', 'install_cells', 'daily_action_counts', 'daily_surface_counts', 'daily_item_counts', 'story_reach'].map((table) => [table, rows(`SELECT * FROM ${table}`)]),
    ),
  };
}

describe('insertEvents: an event from a week that has finished counts on the day it arrives', () => {
  it('in the raw event and every roll-up, as if it had happened that day; events of the current week keep their day', () => {
    const timezone = 'Asia/Tokyo';
    // Wednesday 11-25 10:00 in Tokyo: the week of 11-16 has finished.
    const arrival = new Date('2026-11-25T01:00:00Z');
    const [a, b] = [uuidv7(), uuidv7()];
    const lateOnes = [
      seen(a, '2026-11-22', { at: '2026-11-22T14:30:00.000Z' }), // Sunday 23:30 in Tokyo
      makeEvent({ installId: a, at: '2026-11-18T03:00:00.000Z', department: 'legal', role: 'legal', actionId: 'legal-plain', surface: 'meet' }),
      makeEvent({ installId: b, at: '2026-11-02T03:00:00.000Z', type: 'prompt_inserted', surface: 'zoom' }), // weeks late
    ];
    const current = seen(b, '2026-11-22', { at: '2026-11-22T15:05:00.000Z' }); // Monday 00:05 in Tokyo (Sunday in UTC): this week
    const late = openDatabase(':memory:');
    expect(insertEvents(late, [...lateOnes, current], timezone, arrival)).toEqual({ accepted: 4, duplicates: 0 });
    // The same events stamped at the moment they arrived, sent on time.
    const onTime = openDatabase(':memory:');
    insertEvents(onTime, [...lateOnes.map((e) => ({ ...e, at: arrival.toISOString() })), current], timezone, arrival);
    expect(stored(late)).toEqual(stored(onTime));
    expect(late.prepare('SELECT id, day FROM events ORDER BY day, id').all()).toEqual([
      { id: current.id, day: '2026-11-23' },
      ...lateOnes.map((e) => ({ id: e.id, day: '2026-11-25' })).sort((x, y) => x.id.localeCompare(y.id)),
    ]);
    expect(reach(late)).toEqual({ '2026-11-23 sales story-a': [a, b].sort() });
    // Nothing is lost: every event counted once.
    expect(late.prepare('SELECT SUM(count) AS n FROM daily_counts').get()).toEqual({ n: 4 });
  });
});
