import { randomBytes } from 'node:crypto';
import type { UsageEvent } from '../../shared/src/schemas/usage-event';

/** A UUIDv7 for `ms` (time-ordered, as the extension makes them). */
export function uuidv7(ms = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A valid event; override what the test is about. */
export function makeEvent(overrides: Partial<UsageEvent> = {}): UsageEvent {
  const at = overrides.at ?? '2026-11-23T09:00:00.000Z';
  const base: UsageEvent = {
    id: uuidv7(Date.parse(at)),
    installId: overrides.installId ?? uuidv7(),
    type: 'action_taken',
    department: 'engineering',
    role: 'engineering',
    surface: 'newtab',
    at,
    actionId: 'engineering-read-tickets',
  };
  const event = { ...base, ...overrides };
  // Keep the content id that the type needs, and only that one, unless the test set them.
  if (overrides.type && overrides.type !== 'action_taken' && !('actionId' in overrides)) delete event.actionId;
  if (event.type.startsWith('story') && !event.storyId) event.storyId = 'demo-story';
  if (event.type.startsWith('prompt') && !event.promptId) event.promptId = 'demo-prompt';
  return event;
}

/** `count` distinct install ids. */
export function installIds(count: number): string[] {
  return Array.from({ length: count }, () => uuidv7());
}
