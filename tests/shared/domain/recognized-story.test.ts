import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recognizedStory, type WinningEntry } from '../../../shared/src/domain/recognized-story';
import { storyAsText } from '../../../shared/src/domain/story-as-text';
import { LIMITS } from '../../../shared/src/schemas/limits';
import { StorySchema } from '../../../shared/src/schemas/story';

const entry: WinningEntry = {
  id: 'e-7k2m9q4x8p3r',
  team: { name: 'Line 4 maintenance crew', department: 'manufacturing' },
  customer: 'Northwind Foundry — fab operations',
  before: 'Lead time for a spare part: 5 days.',
  after: '5 hours.',
  method: 'We kept the 20 most-failed parts at the line and re-ordered one whenever it was used.\n\nAny line with a parts list can do the same.',
  acknowledgement: { quote: 'We no longer plan around your lead time.', source: 'Quarterly review with the fab manager' },
};
const round = { name: '2027 Q1', announceOn: '2027-03-15' };
const category = { name: 'Faster for customers' };

describe('recognizedStory', () => {
  it('tells the win as a customer story marked "Recognized: <category>, <round>", shown from the announcement day', () => {
    expect(recognizedStory(entry, round, category)).toEqual({
      id: 'recognized-e-7k2m9q4x8p3r',
      title: 'Recognized: Faster for customers, 2027 Q1',
      customer: 'Northwind Foundry — fab operations',
      quote: 'We no longer plan around your lead time.',
      body: `Team: Line 4 maintenance crew\n\nHow they did it: ${entry.method}`,
      impact: 'Before: Lead time for a spare part: 5 days. After: 5 hours.',
      source: 'Quarterly review with the fab manager',
      tags: ['recognized'],
      publishOn: '2027-03-15',
      archived: false,
      credits: ['manufacturing'],
      recognition: { roundName: '2027 Q1', categoryName: 'Faster for customers', teamName: 'Line 4 maintenance crew' },
    });
  });

  it('credits the team’s department while it is one of the company’s', () => {
    expect(recognizedStory(entry, round, category, new Set(['sales', 'manufacturing'])).credits).toEqual(['manufacturing']);
    // Deleted since the entry was sent: no "Thank" button for a department that is gone.
    const uncredited = recognizedStory(entry, round, category, new Set(['sales']));
    expect(uncredited).not.toHaveProperty('credits');
    expect(StorySchema.parse(uncredited)).toEqual(uncredited);
  });

  it('is a story the bundle accepts as it is', () => {
    const story = recognizedStory(entry, round, category);
    expect(StorySchema.parse(story)).toEqual(story);
  });

  it('reads as text with the team, the customer’s words, before and after, and the method', () => {
    const text = storyAsText(recognizedStory(entry, round, category));
    for (const part of ['Line 4 maintenance crew', 'We no longer plan around your lead time.', '5 days', '5 hours', 'most-failed parts', 'Quarterly review']) {
      expect(text).toContain(part);
    }
  });

  it('has no quote or source without the customer’s acknowledgement', () => {
    const { acknowledgement: _a, ...unacknowledged } = entry;
    const story = recognizedStory(unacknowledged, round, category);
    expect(story.quote).toBeUndefined();
    expect(story.source).toBeUndefined();
    expect(StorySchema.safeParse(story).success).toBe(true);
  });

  it('makes the same story id for the same entry, and a valid one from any entry id', () => {
    expect(recognizedStory(entry, round, category).id).toBe(recognizedStory({ ...entry, customer: 'Other' }, round, category).id);
    expect(recognizedStory({ ...entry, id: 'e-AB12' }, round, category).id).toBe('recognized-e-ab12');
    expect(recognizedStory({ ...entry, id: 'e'.repeat(64) }, round, category).id).toHaveLength(64);
  });

  it('shortens a long category name in the title, keeping the round’s name whole', () => {
    const story = recognizedStory(entry, { ...round, name: 'r'.repeat(LIMITS.roundName) }, { name: 'Long category name '.repeat(5).trim() });
    expect(story.title.length).toBeLessThanOrEqual(LIMITS.storyTitle);
    expect(story.title).toMatch(/^Recognized: Long category name .*…, r{60}$/);
    expect(story.recognition?.categoryName).toBe('Long category name '.repeat(5).trim());
  });

  it('keeps long before and after in the body when the impact has to shorten them', () => {
    const long = { ...entry, before: `Before figure ${'b'.repeat(300)} end-of-before`, after: `After figure ${'a'.repeat(300)} end-of-after` };
    const story = recognizedStory(long, round, category);
    expect(story.impact!.length).toBeLessThanOrEqual(LIMITS.impact);
    expect(story.impact).toMatch(/^Before: Before figure b+…  ?After: After figure a+…$/);
    expect(story.body).toContain(`Before: ${long.before}`);
    expect(story.body).toContain(`After: ${long.after}`);
    expect(story.body).toContain(`How they did it: ${entry.method}`);
  });

  it('fits any entry within its bounds into a valid story, cutting only what does not fit', () => {
    const line = (max: number) => fc.string({ minLength: 1, maxLength: max }).map((s) => s.trim() || 'x');
    fc.assert(
      fc.property(
        fc.record({
          team: line(LIMITS.teamName),
          customer: line(LIMITS.entryCustomer),
          before: line(LIMITS.entryBeforeAfter),
          after: line(LIMITS.entryBeforeAfter),
          method: line(LIMITS.entryMethod),
          quote: line(LIMITS.entryAcknowledgement),
          round: line(LIMITS.roundName),
          category: line(LIMITS.categoryName),
        }),
        (v) => {
          const story = recognizedStory(
            { ...entry, team: { ...entry.team, name: v.team }, customer: v.customer, before: v.before, after: v.after, method: v.method, acknowledgement: { quote: v.quote, source: 'Review' } },
            { ...round, name: v.round },
            { name: v.category },
          );
          expect(StorySchema.parse(story)).toEqual(story);
          expect(story.recognition).toEqual({ roundName: v.round, categoryName: v.category, teamName: v.team });
          if (v.customer.length <= LIMITS.customer) expect(story.customer).toBe(v.customer);
          if (`Before: ${v.before} After: ${v.after}`.length <= LIMITS.impact) {
            expect(story.impact).toBe(`Before: ${v.before} After: ${v.after}`);
            expect(story.body).toBe(`Team: ${v.team}\n\nHow they did it: ${v.method}`);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
