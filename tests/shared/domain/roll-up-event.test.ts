import { describe, expect, it } from 'vitest';
import { rollUpEvent } from '../../../shared/src/domain/roll-up-event';
import type { UsageEvent } from '../../../shared/src/schemas/usage-event';

const event: UsageEvent = {
  id: '019ab2c4-0000-7000-8000-000000000001',
  installId: '019ab2c4-0000-7000-8000-0000000000aa',
  type: 'story_inserted',
  department: 'legal',
  role: 'legal',
  surface: 'teams',
  at: '2026-11-22T23:30:00.000Z',
  storyId: 'cut-the-contract',
};

describe('rollUpEvent', () => {
  it('files an event under its company-local day and week, with the item it is about', () => {
    expect(rollUpEvent(event, 'UTC')).toEqual({
      day: '2026-11-22',
      week: '2026-11-16',
      department: 'legal',
      role: 'legal',
      type: 'story_inserted',
      surface: 'teams',
      installId: event.installId,
      itemId: 'cut-the-contract',
    });
    expect(rollUpEvent(event, 'Europe/Berlin')).toMatchObject({ day: '2026-11-23', week: '2026-11-23' });
  });

  it('takes the action id for action_taken and the prompt id for prompt events', () => {
    expect(rollUpEvent({ ...event, type: 'action_taken', actionId: 'legal-plain' }, 'UTC').itemId).toBe('legal-plain');
    expect(rollUpEvent({ ...event, type: 'prompt_shown', promptId: 'want-this' }, 'UTC').itemId).toBe('want-this');
  });
});
