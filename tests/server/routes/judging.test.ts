import { describe, expect, it } from 'vitest';
import { ContentBundleSchema } from '../../../shared/src/schemas/content-bundle';
import { PublishedResultsSchema, RoundSummarySchema } from '../../../shared/src/schemas/judging';
import type { EntryStatus } from '../../../shared/src/schemas/recognition-entry';
import { json } from '../../support/admin-api';
import { DAYS, addPanel, entriesSeenBy, judging, score } from '../../support/judging-api';
import { DEMO_ROUND_ID, getEntryStatus, submittedEntry } from '../../support/recognition-api';
import { makeTestApp } from '../../support/test-app';

/**
 * The whole loop through the judging API, on the engine of the run: a team
 * enters from the extension, two judges score, a third tied to the team's
 * department never sees it, the chair publishes (refused until every team
 * that did not win has feedback), and from the announcement day the winner
 * is a marked story in the content and the other team reads its feedback.
 */
describe('/api/v1/judging: from entry to announcement', () => {
  it('runs a round: scored by two judges, kept from the third, published with feedback, announced on its day', async () => {
    const t = await makeTestApp({ now: DAYS.open });
    await addPanel(t);
    const returns = await submittedEntry(t, { team: { name: 'Returns desk', department: 'support' } });
    const billing = await submittedEntry(t, { team: { name: 'Invoice fixers', department: 'finance' } });

    // Judging: the day after submissions close.
    t.clock.set(DAYS.judging);
    const entries = await entriesSeenBy(t, 'jo', DEMO_ROUND_ID);
    const entry = (id: string) => entries.find((each) => each.id === id)!;
    expect(entries).toHaveLength(6);
    // Kim is tied to support: neither the Returns desk nor the demo's support entry, by list or by id.
    const kims = await entriesSeenBy(t, 'kim', DEMO_ROUND_ID);
    expect(kims.map((each) => each.team.department)).not.toContain('support');
    expect(kims).toHaveLength(4);
    expect((await judging(t, 'kim', 'GET', `/entries/${returns.entryId}`)).status).toBe(404);

    // Two judges score the Returns desk (weights 5, 3, 2): Jo 5,5,5 → 5; Lee 3,3,3 → 3.
    await score(t, 'jo', entry(returns.entryId), 5, { feedback: 'Measured well; tell us how the sample checks went.', panelNote: 'Strong.' });
    await score(t, 'lee', entry(returns.entryId), 3);
    const summary = RoundSummarySchema.parse(await json(judging(t, 'chair', 'GET', `/rounds/${DEMO_ROUND_ID}/summary`)));
    const line = summary.categories.find((c) => c.categoryId === 'faster-for-the-customer')!.entries.find((e) => e.entryId === returns.entryId)!;
    expect(line).toMatchObject({ average: 4, spread: 2, scoredBy: ['Jo (judge)', 'Lee (judge)'], pendingJudges: [], feedbackCount: 1, sealed: false });
    expect(line.panelNotes).toEqual([{ judge: 'Jo (judge)', note: 'Strong.' }]);
    // Kim is not waited for on support's entry, but is on finance's.
    const invoice = summary.categories.flatMap((c) => c.entries).find((e) => e.entryId === billing.entryId)!;
    expect(invoice.pendingJudges).toEqual(['Jo (judge)', 'Lee (judge)', 'Kim (judge, support)']);

    // The chair marks the Returns desk; publishing waits for feedback to every other team.
    expect((await judging(t, 'chair', 'PUT', `/rounds/${DEMO_ROUND_ID}/winners`, { entryIds: [returns.entryId] })).status).toBe(200);
    const refused = await judging(t, 'chair', 'POST', `/rounds/${DEMO_ROUND_ID}/publish`);
    expect(refused.status).toBe(409);
    const { error } = await json<{ error: { message: string; issues: { path: string }[] } }>(refused);
    expect(error.issues.map((issue) => issue.path)).toHaveLength(5);
    expect(error.message).toContain(`"Invoice fixers" (${billing.entryId})`);
    for (const other of entries.filter((each) => each.id !== returns.entryId)) {
      await score(t, other.team.department === 'support' ? 'jo' : 'kim', other, 2, { feedback: `Not this round, ${other.team.name}: ask the customer to confirm the figure.` });
    }
    const published = await judging(t, 'chair', 'POST', `/rounds/${DEMO_ROUND_ID}/publish`);
    expect(published.status).toBe(200);
    const results = PublishedResultsSchema.parse(await json(published));
    expect(results.stories).toEqual([{ entryId: returns.entryId, storyId: `recognized-${returns.entryId}`, scheduledOn: '2027-01-11' }]);

    // The day before the announcement: still in review, no feedback, whatever was published.
    t.clock.set(DAYS.dayBeforeAnnouncement);
    const before = await json<EntryStatus>(getEntryStatus(t, billing.entryId, billing.receipt));
    expect(before).toMatchObject({ status: 'in_review', feedback: [] });
    // From the announcement day: recognized, or not this round with the judges' feedback (unsigned).
    t.clock.set(DAYS.announceOn);
    expect(await json<EntryStatus>(getEntryStatus(t, returns.entryId, returns.receipt))).toMatchObject({
      status: 'recognized',
      feedback: ['Measured well; tell us how the sample checks went.'],
    });
    expect(await json<EntryStatus>(getEntryStatus(t, billing.entryId, billing.receipt))).toMatchObject({
      status: 'not_this_round',
      feedback: ['Not this round, Invoice fixers: ask the customer to confirm the figure.'],
    });

    // Every extension's content: the winner's story, marked, scheduled on the announcement day.
    const bundle = ContentBundleSchema.parse(await json(t.app.request('/api/v1/content')));
    const story = bundle.stories.find((each) => each.id === `recognized-${returns.entryId}`)!;
    expect(story).toMatchObject({
      title: 'Recognized: Faster for the customer, 2027 Q1',
      customer: 'Harbour Bank — operations lead',
      publishOn: '2027-01-11',
      recognition: { roundName: '2027 Q1', categoryName: 'Faster for the customer', teamName: 'Returns desk' },
    });
    expect(bundle.schedule['2027-01-11']).toBe(story.id);
  });
});

