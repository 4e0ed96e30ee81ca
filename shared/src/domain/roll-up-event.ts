import type { EventType, Surface, UsageEvent } from '../schemas/usage-event';
import { localDay, weekStart } from './local-day';

/** Where one event counts in the roll-ups. */
export type EventRollUp = {
  /** The company-local day of the event, and the Monday of its week. */
  day: string;
  week: string;
  department: string;
  role: string;
  type: EventType;
  surface: Surface;
  installId: string;
  /** The story, prompt or action the event is about. */
  itemId: string | undefined;
  /** team_thanked: the department thanked (the event's `department` is the sender's). */
  thankedDepartment?: string;
};

const ITEM_FIELD = {
  story_viewed: 'storyId',
  prompt_shown: 'promptId',
  prompt_inserted: 'promptId',
  story_inserted: 'storyId',
  story_shared: 'storyId',
  action_taken: 'actionId',
  team_thanked: 'storyId',
} as const satisfies Record<EventType, 'storyId' | 'promptId' | 'actionId'>;

/**
 * The roll-up cells one event adds to, with its day taken in the company's
 * time zone. Given the day it arrives (`receivedOn`), an event from a week
 * that has already finished counts on that day instead: the stats show only
 * finished weeks, and a week once finished never changes, so that asking
 * about it again later cannot single out a browser that sent its queue late.
 */
export function rollUpEvent(event: UsageEvent, timezone: string, receivedOn?: string): EventRollUp {
  const happened = localDay(new Date(event.at), timezone);
  const day = receivedOn !== undefined && weekStart(happened) < weekStart(receivedOn) ? receivedOn : happened;
  return {
    day,
    week: weekStart(day),
    department: event.department,
    role: event.role,
    type: event.type,
    surface: event.surface,
    installId: event.installId,
    itemId: event[ITEM_FIELD[event.type]],
    ...(event.thankedDepartment !== undefined && { thankedDepartment: event.thankedDepartment }),
  };
}
