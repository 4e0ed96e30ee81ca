import { describe, expect, it } from 'vitest';
import type { UsageEvent } from '../../../shared/src/schemas/usage-event';
import { openDatabase } from '../../../server/src/db/open-database';
import { insertEvents, STORY_REACH_KEPT } from '../../../server/src/queries/insert-events';
import { makeEvent, uuidv7 } from '../../support/make-event';

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
    insertEvents(db, installs.slice(0, 18).map((id) => seen(id, '2026-11-17')), 'UTC', NOW);
    insertEvents(db, installs.slice(18).map((id) => seen(id, '2026-11-18')), 'UTC', NOW);
    // The same story in another department, and in the next week: cells of their own.
    insertEvents(db, [seen(installs[24]!, '2026-11-18', { department: 'legal', role: 'legal' }), seen(installs[24]!, '2026-11-23')], 'UTC', NOW);
    expect(reach(db)).toEqual({
      '2026-11-16 sales story-a': installs.slice(0, 20).sort(),
      '2026-11-16 legal story-a': [installs[24]],
      '2026-11-23 sales story-a': [installs[24]],
    });
    // The full cell takes nobody new, while its events are still counted.
    insertEvents(db, [seen(uuidv7(), '2026-11-19')], 'UTC', NOW);
    expect(reach(db)['2026-11-16 sales story-a']).toHaveLength(STORY_REACH_KEPT);
    expect(db.prepare("SELECT SUM(count) AS n FROM daily_item_counts WHERE item_id = 'story-a' AND department = 'sales'").get()).toEqual({ n: 27 });
  });

  it('keeps an install once, however often and however it saw or used the story', () => {
    const db = openDatabase(':memory:');
    const [a, b] = [uuidv7(), uuidv7()];
    insertEvents(
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
    insertEvents(db, [seen(a, '2026-11-20'), seen(b, '2026-11-20', { type: 'story_inserted' })], 'UTC', NOW);
    expect(reach(db)).toEqual({ '2026-11-16 sales story-a': [a, b].sort() });
  });

  it('counts stories only: prompts and actions add nobody, even with a story id on them, and a replayed event adds nothing', () => {
    const db = openDatabase(':memory:');
    const a = uuidv7();
    const prompt = makeEvent({ installId: a, type: 'prompt_shown', promptId: 'prompt-a', storyId: 'story-a', at: at('2026-11-17') });
    insertEvents(db, [prompt, makeEvent({ installId: a, at: at('2026-11-17'), storyId: 'story-a' })], 'UTC', NOW);
    expect(reach(db)).toEqual({});
    const view = seen(a, '2026-11-17');
    insertEvents(db, [view], 'UTC', NOW);
    db.exec('DELETE FROM story_reach');
    expect(insertEvents(db, [view], 'UTC', NOW)).toEqual({ accepted: 0, duplicates: 1 });
    expect(reach(db)).toEqual({});
  });

  it("files an event under the company-local week of its day", () => {
    const db = openDatabase(':memory:');
    const a = uuidv7();
    // Monday 03:00 UTC is still Sunday evening in Chicago: the week before.
    insertEvents(db, [seen(a, '2026-11-23', { at: at('2026-11-23', '03:00:00') })], 'America/Chicago', NOW);
    expect(reach(db)).toEqual({ '2026-11-16 sales story-a': [a] });
  });
});
