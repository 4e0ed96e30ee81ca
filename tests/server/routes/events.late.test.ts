import { describe, expect, it } from 'vitest';
import { StatsSchema } from '../../../shared/src/schemas/stats';
import { installIds, makeEvent } from '../../support/make-event';
import { sql } from '../../../server/src/storage/sql';
import { countStored } from '../../support/stored-events';
import { makeTestApp, postEvents, postEventsOnTime } from '../../support/test-app';

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

// Wednesday 11-25, 10:00 in New York: the week of Monday 11-16 has finished, the week of 11-23 has not.
const NOW = '2026-11-25T15:00:00Z';
const FINISHED = 'from=2026-11-16&to=2026-11-22';
/** Every finished week up to now, asked with a range that reaches into the week under way. */
const UP_TO_NOW = 'from=2026-11-01&to=2026-11-25';
const BOTH_WEEKS = 'from=2026-11-16&to=2026-11-29';

/** What the stats answer in JSON and in both CSV views, as the bytes sent. */
async function answers(t: TestApp, query: string): Promise<string[]> {
  const texts: string[] = [];
  for (const path of [`/api/v1/stats?${query}`, `/api/v1/stats.csv?${query}`, `/api/v1/stats.csv?${query}&view=weekly`]) {
    const response = await t.app.request(path, { headers: t.admin });
    expect(response.status, path).toBe(200);
    texts.push(await response.text());
  }
  return texts;
}

async function stats(t: TestApp, query: string) {
  return StatsSchema.parse(await (await t.app.request(`/api/v1/stats?${query}`, { headers: t.admin })).json());
}

describe('POST /api/v1/events: a batch from a week that has finished', () => {
  it('counts on the day it arrives: the finished week answers the same bytes before and after, and nothing is lost', async () => {
    // k = 1: every figure is shown, so any change to the finished week would be seen at once.
    const t = await makeTestApp({ now: NOW, config: { minGroupSize: 1, timezone: 'America/New_York' } });
    const [a, b, c] = installIds(3) as [string, string, string];
    await postEventsOnTime(t, {
      events: [a, b, c].flatMap((installId) => [
        makeEvent({ installId, department: 'sales', role: 'sales', actionId: 'sales-call', at: '2026-11-18T14:00:00.000Z' }),
        makeEvent({ installId, department: 'sales', role: 'sales', type: 'story_viewed', at: '2026-11-19T14:00:00.000Z' }),
      ]),
    });
    const before = [await answers(t, FINISHED), await answers(t, UP_TO_NOW)];
    expect((await stats(t, FINISHED)).total).toMatchObject({ activeInstalls: 3, actionsTaken: 3, storyViews: 3 });

    // a was offline from Friday 11-20 and sends its queue now; its last event is from this week.
    const late = [
      makeEvent({ installId: a, department: 'sales', role: 'sales', actionId: 'sales-call', at: '2026-11-20T20:00:00.000Z' }),
      makeEvent({ installId: a, department: 'sales', role: 'sales', type: 'prompt_shown', at: '2026-11-21T16:00:00.000Z' }),
      // Sunday 23:30 in New York (Monday 04:30 UTC): still the finished week.
      makeEvent({ installId: a, department: 'sales', role: 'sales', type: 'story_shared', at: '2026-11-23T04:30:00.000Z' }),
      makeEvent({ installId: a, department: 'sales', role: 'sales', actionId: 'sales-demo', at: '2026-11-23T15:00:00.000Z' }), // Monday of this week
    ];
    const response = await postEvents(t.app, { events: late });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ accepted: 4, duplicates: 0 });

    // The finished week, asked alone or in a longer range, answers exactly as before.
    expect([await answers(t, FINISHED), await answers(t, UP_TO_NOW)]).toEqual(before);
    // The late events are stored, on the day they arrived; the one of this week keeps its own day.
    expect(await countStored(t.storage, 'events')).toBe(10);
    const days = await t.storage.all(sql`SELECT id, day FROM events WHERE install_id = ${a.toLowerCase()} AND at >= ${'2026-11-20'} ORDER BY at`);
    expect(days).toEqual([
      { id: late[0]!.id, day: '2026-11-25' },
      { id: late[1]!.id, day: '2026-11-25' },
      { id: late[2]!.id, day: '2026-11-25' },
      { id: late[3]!.id, day: '2026-11-23' },
    ]);
    // Sent again (the extension did not get the answer): counted once.
    expect(await (await postEvents(t.app, { events: late })).json()).toEqual({ accepted: 0, duplicates: 4 });

    // Once the week of 11-23 has finished, it holds the late batch; over both weeks, everything once.
    t.clock.set('2026-12-02T15:00:00Z');
    const both = await stats(t, BOTH_WEEKS);
    expect(both.weekly.map((w) => [w.week, w.department, w.activeInstalls, w.actionsTaken, w.storyViews, w.promptsShown, w.storiesShared])).toEqual([
      ['2026-11-16', 'sales', 3, 3, 3, 0, 0],
      ['2026-11-23', 'sales', 1, 2, 0, 1, 1],
    ]);
    expect(both.total).toMatchObject({ actionsTaken: 5, storyViews: 3, promptsShown: 1, storiesShared: 1 });
    expect(await answers(t, FINISHED)).toEqual(before[0]);
  });
});
