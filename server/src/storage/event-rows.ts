import { localDay } from '@customer-chair/shared/domain/local-day';
import { rollUpEvent, type EventRollUp } from '@customer-chair/shared/domain/roll-up-event';
import type { EventType, Surface, UsageEvent } from '@customer-chair/shared/schemas/usage-event';

/** An event as the `events` table keeps it, with the roll-up cells it adds to and the day it arrived. */
export type EventRow = {
  id: string;
  installId: string;
  type: EventType;
  department: string;
  role: string;
  surface: Surface;
  at: string;
  day: string;
  storyId: string | null;
  promptId: string | null;
  actionId: string | null;
  receivedAt: string;
  /** The company-local day of receipt: an install first stored now is first seen on it. */
  receivedOn: string;
  rollUp: EventRollUp;
};

/**
 * A batch's events as both engines store them: ids and install ids in lower
 * case (the same event or install in other letter case is the same one), the
 * day each counts on in the company's time zone. Events from a week that
 * has finished count on the day they arrive (see rollUpEvent): a finished
 * week never changes. Throws on an event that is no event (the route has
 * validated it; the writer fails that batch alone).
 */
export function eventRows(events: readonly UsageEvent[], timezone: string, now: Date): EventRow[] {
  const receivedAt = now.toISOString();
  const receivedOn = localDay(now, timezone);
  return events.map((event) => {
    const rollUp = rollUpEvent(event, timezone, receivedOn);
    rollUp.installId = rollUp.installId.toLowerCase();
    return {
      id: event.id.toLowerCase(),
      installId: rollUp.installId,
      type: event.type,
      department: event.department,
      role: event.role,
      surface: event.surface,
      at: event.at,
      day: rollUp.day,
      storyId: event.storyId ?? null,
      promptId: event.promptId ?? null,
      actionId: event.actionId ?? null,
      receivedAt,
      receivedOn,
      rollUp,
    };
  });
}
