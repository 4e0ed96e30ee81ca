import { describe, expect, it } from 'vitest';
import type { UsageEvent } from '../../../../shared/src/schemas/usage-event';
import { insertEvents, STORY_REACH_KEPT } from '../../../../server/src/storage/queries/insert-events';
import { sql } from '../../../../server/src/storage/sql';
import type { Storage } from '../../../../server/src/storage/storage';
import { makeEvent, uuidv7 } from '../../../support/make-event';
import { insertEventsOnTime } from '../../../support/on-time';
import { openTestStorage } from '../../../support/test-storage';

type Db = Storage;
const NOW = new Date('2026-11-25T12:00:00Z');
const at = (day: string, time = '09:00:00') => `${day}T${time}.000Z`;

/** story_reach, one row per week × department × story, with its install ids sorted. */
async function reach(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const r of await db.all<{ week: string; department: string; storyId: string; installId: string }>(
    sql`SELECT week, department, story_id AS "storyId", install_id AS "installId" FROM story_reach ORDER BY 1, 2, 3, 4`,
  )) {
    (out[`${r.week} ${r.department} ${r.storyId}`] ??= []).push(r.installId);
  }
  return out;
}

const seen = (installId: string, day: string, overrides: Partial<UsageEvent> = {}) =>
  makeEvent({ installId, type: 'story_viewed', storyId: 'story-a', department: 'sales', role: 'sales', at: at(day), ...overrides });

describe('insertEvents: story_reach', () => {
  it(`keeps at most ${STORY_REACH_KEPT} installs per week, department and story, the first that arrive`, async () => {
    expect(STORY_REACH_KEPT).toBe(20);
    const db = await openTestStorage();
    const installs = Array.from({ length: 25 }, () => uuidv7());
    // 18 in one batch, then 7 more: the cap holds across batches.
    await insertEventsOnTime(db, installs.slice(0, 18).map((id) => seen(id, '2026-11-17')), 'UTC', NOW);
    await insertEventsOnTime(db, installs.slice(18).map((id) => seen(id, '2026-11-18')), 'UTC', NOW);
    // The same story in another department, and in the next week: cells of their own.
    await insertEventsOnTime(db, [seen(installs[24]!, '2026-11-18', { department: 'legal', role: 'legal' }), seen(installs[24]!, '2026-11-23')], 'UTC', NOW);
    expect(await reach(db)).toEqual({
      '2026-11-16 sales story-a': installs.slice(0, 20).sort(),
      '2026-11-16 legal story-a': [installs[24]],
      '2026-11-23 sales story-a': [installs[24]],
    });
    // The full cell takes nobody new, while its events are still counted.
    await insertEventsOnTime(db, [seen(uuidv7(), '2026-11-19')], 'UTC', NOW);
    expect((await reach(db))['2026-11-16 sales story-a']).toHaveLength(STORY_REACH_KEPT);
    expect(await db.one(sql`SELECT SUM(count) AS n FROM daily_item_counts WHERE item_id = 'story-a' AND department = 'sales'`)).toEqual({ n: 27 });
  });

  it('keeps an install once, however often and however it saw or used the story', async () => {
    const db = await openTestStorage();
    const [a, b] = [uuidv7(), uuidv7()];
    await insertEventsOnTime(
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
    await insertEventsOnTime(db, [seen(a, '2026-11-20'), seen(b, '2026-11-20', { type: 'story_inserted' })], 'UTC', NOW);
    expect(await reach(db)).toEqual({ '2026-11-16 sales story-a': [a, b].sort() });
  });

  it('counts stories only: prompts and actions add nobody, even with a story id on them, and a replayed event adds nothing', async () => {
    const db = await openTestStorage();
    const a = uuidv7();
    const prompt = makeEvent({ installId: a, type: 'prompt_shown', promptId: 'prompt-a', storyId: 'story-a', at: at('2026-11-17') });
    await insertEventsOnTime(db, [prompt, makeEvent({ installId: a, at: at('2026-11-17'), storyId: 'story-a' })], 'UTC', NOW);
    expect(await reach(db)).toEqual({});
    const view = seen(a, '2026-11-17');
    await insertEventsOnTime(db, [view], 'UTC', NOW);
    await db.run(sql`DELETE FROM story_reach`);
    expect(await insertEventsOnTime(db, [view], 'UTC', NOW)).toEqual({ accepted: 0, duplicates: 1 });
    expect(await reach(db)).toEqual({});
  });

  it("files an event under the company-local week of its day", async () => {
    const db = await openTestStorage();
    const a = uuidv7();
    // Monday 03:00 UTC is still Sunday evening in Chicago: the week before.
    await insertEventsOnTime(db, [seen(a, '2026-11-23', { at: at('2026-11-23', '03:00:00') })], 'America/Chicago', NOW);
    expect(await reach(db)).toEqual({ '2026-11-16 sales story-a': [a] });
  });
});

/** Every roll-up, and the day stored with each raw event (by id), as sorted rows. */
async function stored(db: Db) {
  // Without PostgreSQL's `changed`: which transaction wrote the row, not what it holds.
  const rows = async (query: ReturnType<typeof sql>) => (await db.all<Record<string, unknown>>(query)).map(({ changed: _, ...r }) => JSON.stringify(r)).sort();
  const tables: Record<string, string[]> = { events: await rows(sql`SELECT id, day FROM events`) };
  for (const table of ['daily_counts', 'install_activity', 'install_cells', 'daily_action_counts', 'daily_surface_counts', 'daily_item_counts', 'story_reach']) {
    tables[table] = await rows(sql`SELECT * FROM ${sql.raw(table)}`);
  }
  return tables;
}

describe('insertEvents: an event from a week that has finished counts on the day it arrives', () => {
  it('in the raw event and every roll-up, as if it had happened that day; events of the current week keep their day', async () => {
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
    const late = await openTestStorage();
    expect(await insertEvents(late, [...lateOnes, current], timezone, arrival)).toEqual({ accepted: 4, duplicates: 0 });
    // The same events stamped at the moment they arrived, sent on time.
    const onTime = await openTestStorage();
    await insertEvents(onTime, [...lateOnes.map((e) => ({ ...e, at: arrival.toISOString() })), current], timezone, arrival);
    expect(await stored(late)).toEqual(await stored(onTime));
    expect(await late.all(sql`SELECT id, day FROM events ORDER BY day, id`)).toEqual([
      { id: current.id, day: '2026-11-23' },
      ...lateOnes.map((e) => ({ id: e.id, day: '2026-11-25' })).sort((x, y) => x.id.localeCompare(y.id)),
    ]);
    expect(await reach(late)).toEqual({ '2026-11-23 sales story-a': [a, b].sort() });
    // Nothing is lost: every event counted once.
    expect(await late.one(sql`SELECT SUM(count) AS n FROM daily_counts`)).toEqual({ n: 4 });
  });
});
