import type { ContentBundle } from '../schemas/content-bundle';
import type { Story } from '../schemas/story';
import { addDays, daysBetween, localDay } from './local-day';

type StorySource = Pick<ContentBundle, 'stories' | 'schedule' | 'timezone'>;

/** Day 0 of the rotation; any fixed day works, it only has to be the same everywhere. */
const ROTATION_EPOCH = '2024-01-01';

/**
 * Today's customer story, the same for everyone in the company on the same
 * local day (in the bundle's time zone): the scheduled story when the CX
 * lead picked one, otherwise the next in a rotation over published,
 * non-archived stories.
 */
export function pickDailyStory(bundle: StorySource, now: Date): Story | undefined {
  return storyForDay(bundle, localDay(now, bundle.timezone)).story;
}

/** The story shown on a local day, and whether it was scheduled or came from the rotation. */
export function storyForDay(bundle: Omit<StorySource, 'timezone'>, day: string): { story: Story | undefined; scheduled: boolean } {
  const scheduledId = bundle.schedule[day];
  // A scheduled story wins even before its publishOn: the lead chose that day for it.
  const scheduled = scheduledId === undefined ? undefined : bundle.stories.find((s) => s.id === scheduledId && !s.archived);
  if (scheduled) return { story: scheduled, scheduled: true };
  const eligible = bundle.stories
    .filter((s) => !s.archived && (s.publishOn === undefined || s.publishOn <= day))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (eligible.length === 0) return { story: undefined, scheduled: false };
  const n = eligible.length;
  const index = ((daysBetween(ROTATION_EPOCH, day) % n) + n) % n;
  return { story: eligible[index], scheduled: false };
}

/** What each of `days` local days from `fromDay` will show (for previewing the coming weeks). */
export function dailyStorySchedule(
  bundle: Omit<StorySource, 'timezone'>,
  fromDay: string,
  days: number,
): { day: string; story: Story | undefined; scheduled: boolean }[] {
  return Array.from({ length: days }, (_, i) => {
    const day = addDays(fromDay, i);
    return { day, ...storyForDay(bundle, day) };
  });
}
