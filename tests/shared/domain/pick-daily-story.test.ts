import { describe, expect, it } from 'vitest';
import { dailyStorySchedule, pickDailyStory, storyForDay } from '../../../shared/src/domain/pick-daily-story';
import type { Story } from '../../../shared/src/schemas/story';

const story = (id: string, extra: Partial<Story> = {}): Story => ({
  id,
  title: `Title ${id}`,
  customer: 'Acme',
  body: 'Body.',
  tags: [],
  archived: false,
  ...extra,
});
const stories = ['a', 'b', 'c', 'd', 'e'].map((id) => story(id));
const bundle = (extra: Partial<{ stories: Story[]; schedule: Record<string, string>; timezone: string }> = {}) => ({
  stories,
  schedule: {},
  timezone: 'UTC',
  ...extra,
});

describe('pickDailyStory', () => {
  it('picks by the local day of the bundle’s time zone', () => {
    const instant = new Date('2026-03-10T23:30:00Z'); // 10 March in UTC and New York, 11 March in Tokyo
    const utc = pickDailyStory(bundle(), instant);
    expect(pickDailyStory(bundle({ timezone: 'America/New_York' }), instant)).toEqual(utc);
    const tokyo = pickDailyStory(bundle({ timezone: 'Asia/Tokyo' }), instant);
    expect(tokyo).not.toEqual(utc);
    // Morning and late evening of the same Tokyo day agree.
    expect(pickDailyStory(bundle({ timezone: 'Asia/Tokyo' }), new Date('2026-03-10T15:01:00Z'))).toEqual(tokyo);
    expect(pickDailyStory(bundle({ timezone: 'Asia/Tokyo' }), new Date('2026-03-11T14:59:00Z'))).toEqual(tokyo);
  });

  it('gives the same story whatever the order of the stories', () => {
    const shuffles = [[...stories].reverse(), [stories[2]!, stories[0]!, stories[4]!, stories[1]!, stories[3]!]];
    for (let d = 0; d < 7; d++) {
      const now = new Date(Date.parse('2026-11-23T12:00:00Z') + d * 86_400_000);
      const expected = pickDailyStory(bundle(), now);
      for (const shuffled of shuffles) expect(pickDailyStory(bundle({ stories: shuffled }), now)).toEqual(expected);
    }
  });

  it('keeps rotating through every story on days before the rotation’s epoch', () => {
    const seen = dailyStorySchedule(bundle(), '2023-12-25', 5).map((d) => d.story?.id);
    expect(new Set(seen)).toEqual(new Set(['a', 'b', 'c', 'd', 'e']));
  });

  it('visits every eligible story once per cycle', () => {
    const seen = dailyStorySchedule(bundle(), '2026-11-23', 5).map((d) => d.story?.id);
    expect(new Set(seen).size).toBe(5);
    expect(dailyStorySchedule(bundle(), '2026-11-28', 5).map((d) => d.story?.id)).toEqual(seen);
  });

  it('lets the schedule win, even before the story’s publish day', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    const scheduled = bundle({ stories: [...stories, story('launch', { publishOn: '2026-12-01' })], schedule: { '2026-11-23': 'launch' } });
    expect(pickDailyStory(scheduled, now)?.id).toBe('launch');
    expect(storyForDay(scheduled, '2026-11-23').scheduled).toBe(true);
    // Only its own day: it stays out of the rotation until it is published.
    const preview = dailyStorySchedule(scheduled, '2026-11-22', 3);
    expect(preview.map((d) => [d.day, d.scheduled])).toEqual([['2026-11-22', false], ['2026-11-23', true], ['2026-11-24', false]]);
    expect(preview.filter((d) => d.story?.id === 'launch').map((d) => d.day)).toEqual(['2026-11-23']);
  });

  it('lets the schedule follow the bundle’s time zone too', () => {
    const scheduled = bundle({ timezone: 'Asia/Tokyo', schedule: { '2026-03-11': 'c' } });
    expect(pickDailyStory(scheduled, new Date('2026-03-10T23:30:00Z'))?.id).toBe('c'); // already the 11th in Tokyo
    expect(storyForDay(scheduled, '2026-03-10').scheduled).toBe(false);
  });

  it('ignores a schedule entry naming an archived or missing story', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    const rotation = pickDailyStory(bundle(), now);
    expect(pickDailyStory(bundle({ schedule: { '2026-11-23': 'missing' } }), now)).toEqual(rotation);
    const archived = bundle({ stories: [...stories, story('old', { archived: true })], schedule: { '2026-11-23': 'old' } });
    expect(pickDailyStory(archived, now)).toEqual(rotation);
  });

  it('leaves archived and not-yet-published stories out of the rotation', () => {
    const only = bundle({ stories: [story('live'), story('gone', { archived: true }), story('later', { publishOn: '2026-12-01' })] });
    const ids = dailyStorySchedule(only, '2026-11-20', 10).map((d) => d.story?.id);
    expect(new Set(ids)).toEqual(new Set(['live']));
    expect(dailyStorySchedule(only, '2026-12-01', 10).some((d) => d.story?.id === 'later')).toBe(true);
  });

  it('is undefined when nothing can be shown', () => {
    expect(pickDailyStory(bundle({ stories: [] }), new Date())).toBeUndefined();
    expect(pickDailyStory(bundle({ stories: [story('x', { archived: true })] }), new Date())).toBeUndefined();
  });
});
