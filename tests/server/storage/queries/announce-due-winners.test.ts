import { describe, expect, it } from 'vitest';
import { announceDueWinners } from '../../../../server/src/storage/queries/announce-due-winners';
import { setScheduledStory } from '../../../../server/src/storage/queries/set-scheduled-story';
import { sql } from '../../../../server/src/storage/sql';
import { ContentBundleSchema } from '../../../../shared/src/schemas/content-bundle';
import { auditLog, contentTag, json, send, snapshot } from '../../../support/admin-api';
import { DAYS, addPanel, entriesSeenBy, judging, panelApp, score } from '../../../support/judging-api';
import { DEMO_ROUND_ID } from '../../../support/recognition-api';
import { makeTestInstances } from '../../../support/test-instances';
import { testEngine } from '../../../support/test-storage';

type App = Parameters<typeof entriesSeenBy>[0];

/** The demo round judged (feedback to every entry), two winners marked and the results published on DAYS.judging; answers the winners. */
async function published(t: App) {
  const entries = await entriesSeenBy(t, 'chair', DEMO_ROUND_ID);
  for (const entry of entries) await score(t, 'jo', entry, 3, { feedback: `Feedback to ${entry.team.name}.` });
  const line4 = entries.find((e) => e.team.department === 'manufacturing')!;
  const logistics = entries.find((e) => e.team.department === 'operations')!;
  expect((await judging(t, 'chair', 'PUT', `/rounds/${DEMO_ROUND_ID}/winners`, { entryIds: [logistics.id, line4.id] })).status).toBe(200);
  expect((await judging(t, 'chair', 'POST', `/rounds/${DEMO_ROUND_ID}/publish`)).status).toBe(200);
  return { line4, logistics };
}

const recognizedIds = async (t: { storage: Parameters<typeof announceDueWinners>[0] }) =>
  (await t.storage.all<{ id: string }>(sql`SELECT id FROM stories WHERE recognition IS NOT NULL ORDER BY id`)).map((row) => row.id);

describe('announceDueWinners', () => {
  it('makes no story before the announcement day; on it, each winner becomes a marked story on free days, a new content version, audited; once', async () => {
    const t = await panelApp(DAYS.judging);
    await setScheduledStory(t.storage, '2027-01-11', 'night-shift-login', new Date(DAYS.judging));
    const { line4, logistics } = await published(t);
    expect(await announceDueWinners(t.storage, '2027-01-10', { now: new Date(DAYS.dayBeforeAnnouncement) })).toEqual([]);
    expect(await recognizedIds(t)).toEqual([]);

    t.clock.set('2027-01-11T08:00:00Z');
    const version = (await t.storage.one<{ version: number }>(sql`SELECT version FROM content_meta`))!.version;
    const made = await announceDueWinners(t.storage, '2027-01-11', { now: new Date('2027-01-11T08:00:00Z') });
    expect(made).toEqual([
      { roundId: DEMO_ROUND_ID, entryId: line4.id, storyId: `recognized-${line4.id}`, scheduledOn: '2027-01-12' },
      { roundId: DEMO_ROUND_ID, entryId: logistics.id, storyId: `recognized-${logistics.id}`, scheduledOn: '2027-01-13' },
    ]);
    expect((await contentTag(t)).version).toBeGreaterThan(version);
    const bundle = ContentBundleSchema.parse(await json(t.app.request('/api/v1/content')));
    expect(bundle.schedule).toMatchObject({ '2027-01-11': 'night-shift-login', '2027-01-12': `recognized-${line4.id}`, '2027-01-13': `recognized-${logistics.id}` });
    expect(bundle.stories.find((s) => s.id === `recognized-${logistics.id}`)).toMatchObject({
      title: 'Recognized: Customer savings, 2027 Q1',
      publishOn: '2027-01-11',
      tags: ['recognized'],
      credits: ['operations'],
      recognition: { roundName: '2027 Q1', categoryName: 'Customer savings', teamName: 'Logistics planning team' },
    });
    // Each credits its team's department: the "Thank <department>" button.
    expect(bundle.stories.find((s) => s.id === `recognized-${line4.id}`)?.credits).toEqual(['manufacturing']);
    const listed = await json<{ stories: { id: string }[] }>(send(t, 'GET', '/stories'));
    expect(listed.stories.map((s) => s.id)).toEqual(expect.arrayContaining([`recognized-${line4.id}`, `recognized-${logistics.id}`]));
    expect(await t.storage.all(sql`SELECT id, story_id AS "storyId" FROM recognition_entries WHERE story_id IS NOT NULL ORDER BY story_id`)).toEqual(
      [line4.id, logistics.id].sort((a, b) => `recognized-${a}`.localeCompare(`recognized-${b}`)).map((id) => ({ id, storyId: `recognized-${id}` })),
    );
    const log = await auditLog(t);
    expect(log[0]).toMatchObject({ label: 'server (announcement day)', action: 'announced winners', entity: 'round', entityId: DEMO_ROUND_ID, summary: '2 stories from 2027-01-11: "Line 4 maintenance crew", "Logistics planning team"' });
    expect(log.filter((e) => e.entity === 'story' && e.action === 'created').map((e) => e.entityId).sort()).toEqual([`recognized-${line4.id}`, `recognized-${logistics.id}`].sort());

    // Again (the next timer run, or a later day): nothing.
    const before = await snapshot(t);
    expect(await announceDueWinners(t.storage, '2027-01-11', { now: new Date('2027-01-11T08:05:00Z') })).toEqual([]);
    expect(await announceDueWinners(t.storage, '2027-01-12', { now: new Date('2027-01-12T08:05:00Z') })).toEqual([]);
    expect(await snapshot(t)).toBe(before);
  });

  it('a later day schedules from that day; the content route announces lazily from the first instant of the company-local day', async () => {
    const t = await panelApp(DAYS.judging, { timezone: 'Europe/Paris' });
    const { line4 } = await published(t);
    // 2027-01-10T22:59Z is still the 10th in Paris: the bundle names no winner.
    t.clock.set('2027-01-10T22:59:59Z');
    const before = await json(t.app.request('/api/v1/content'));
    expect(JSON.stringify(before)).not.toMatch(/recognized-/);
    // 23:00Z is the 11th: the first sync has the stories, no timer needed.
    t.clock.set('2027-01-10T23:00:00Z');
    const bundle = ContentBundleSchema.parse(await json(t.app.request('/api/v1/content')));
    expect(bundle.version).toBeGreaterThan((before as { version: number }).version);
    expect(bundle.stories.find((s) => s.id === `recognized-${line4.id}`)).toMatchObject({ publishOn: '2027-01-11', recognition: { teamName: 'Line 4 maintenance crew' } });
    expect(bundle.schedule['2027-01-11']).toBe(`recognized-${line4.id}`);
  });

  it('the feed and the posters, too, have the winners from the first request of the announcement day', async () => {
    const t = await panelApp(DAYS.judging);
    const { line4 } = await published(t);
    t.clock.set(DAYS.dayBeforeAnnouncement);
    expect(await (await t.app.request('/api/v1/recognition/feed.atom')).text()).not.toMatch(/Line 4 maintenance crew/);
    expect((await t.app.request(`/recognition/posters/recognized-${line4.id}`)).status).toBe(404);
    t.clock.set(DAYS.announceOn);
    expect((await t.app.request(`/recognition/posters/recognized-${line4.id}`)).status).toBe(200);
    expect(await (await t.app.request('/api/v1/recognition/feed.atom')).text()).toMatch(/Line 4 maintenance crew/);
  });

  it('a winner whose department was deleted since is announced crediting nobody', async () => {
    const t = await panelApp(DAYS.judging);
    const { line4, logistics } = await published(t);
    // The demo story crediting Operations is let go of first (a department stories credit is not deleted).
    await t.storage.run(sql`UPDATE stories SET credits = '["manufacturing"]' WHERE id = 'forklift-label-height'`);
    const operations = (await json<{ departments: { id: string; revision: number }[] }>(send(t, 'GET', '/departments'))).departments.find((d) => d.id === 'operations')!;
    const deleted = await send(t, 'DELETE', '/departments/operations', { revision: operations.revision });
    expect(deleted.status, await deleted.clone().text()).toBe(204);
    await announceDueWinners(t.storage, '2027-01-11', { now: new Date('2027-01-11T08:00:00Z') });
    const bundle = ContentBundleSchema.parse(await json(t.app.request('/api/v1/content')));
    expect(bundle.stories.find((s) => s.id === `recognized-${logistics.id}`)).not.toHaveProperty('credits');
    expect(bundle.stories.find((s) => s.id === `recognized-${line4.id}`)?.credits).toEqual(['manufacturing']);
  });

  it('published rounds whose day has passed are scheduled from today', async () => {
    const t = await panelApp(DAYS.judging);
    const { line4, logistics } = await published(t);
    const made = await announceDueWinners(t.storage, '2027-01-20', { now: new Date('2027-01-20T10:00:00Z') });
    expect(made.map((each) => [each.entryId, each.scheduledOn])).toEqual([
      [line4.id, '2027-01-20'],
      [logistics.id, '2027-01-21'],
    ]);
  });

  it('three instances announcing at once make each story once (on PostgreSQL under the content lock)', async () => {
    const t = await makeTestInstances(3, { now: DAYS.open });
    try {
      await addPanel(t);
      t.clock.set(DAYS.judging);
      const { line4, logistics } = await published(t);
      const now = new Date('2027-01-11T06:00:00Z');
      const runs: Awaited<ReturnType<typeof announceDueWinners>>[] = [];
      if (testEngine() === 'postgres') {
        // Pools of their own, at once: the content lock makes them take turns.
        runs.push(...(await Promise.all(t.storages.flatMap((storage) => [announceDueWinners(storage, '2027-01-11', { now }), announceDueWinners(storage, '2027-01-11', { now })]))));
      } else {
        // SQLite connections of one process cannot interleave write transactions (a busy wait blocks the event loop
        // the other awaits in); one process owns a SQLite file anyway. In turn, each on its own connection.
        for (const storage of t.storages) runs.push(await announceDueWinners(storage, '2027-01-11', { now }));
      }
      expect(runs.flat().map((each) => each.storyId).sort()).toEqual([`recognized-${line4.id}`, `recognized-${logistics.id}`].sort());
      expect(await recognizedIds(t)).toEqual([`recognized-${line4.id}`, `recognized-${logistics.id}`].sort());
      expect(await t.storage.all(sql`SELECT day, story_id AS "storyId" FROM schedule WHERE story_id LIKE 'recognized-%' ORDER BY day`)).toEqual([
        { day: '2027-01-11', storyId: `recognized-${line4.id}` },
        { day: '2027-01-12', storyId: `recognized-${logistics.id}` },
      ]);
      expect(await t.storage.one(sql`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'announced winners'`)).toEqual({ n: 1 });
    } finally {
      await t.close();
    }
  });
});
