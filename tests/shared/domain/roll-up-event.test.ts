import { describe, expect, it } from 'vitest';
import { localDay } from '../../../shared/src/domain/local-day';
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

  describe('given the day it arrives', () => {
    it('counts an event from a week that had finished by then on the day it arrives', () => {
      // Sunday 11-22 (week of 11-16), arriving on Wednesday 11-25 (week of 11-23).
      expect(rollUpEvent(event, 'UTC', '2026-11-25')).toEqual({ ...rollUpEvent(event, 'UTC'), day: '2026-11-25', week: '2026-11-23' });
      // Weeks late, the same: the day it arrives.
      expect(rollUpEvent({ ...event, at: '2026-10-01T09:00:00.000Z' }, 'UTC', '2026-11-23')).toMatchObject({ day: '2026-11-23', week: '2026-11-23' });
    });

    it('keeps the own day of an event from the week it arrives in, or a later one', () => {
      // Sunday 23:59 arriving that Sunday: its week has not finished yet.
      const lastMinute = { ...event, at: '2026-11-22T23:59:00.000Z' };
      expect(rollUpEvent(lastMinute, 'UTC', '2026-11-22')).toEqual(rollUpEvent(lastMinute, 'UTC'));
      expect(rollUpEvent(lastMinute, 'UTC', '2026-11-22')).toMatchObject({ day: '2026-11-22', week: '2026-11-16' });
      // From Monday, earlier in the same week: its own day.
      expect(rollUpEvent({ ...event, at: '2026-11-16T08:00:00.000Z' }, 'UTC', '2026-11-22')).toMatchObject({ day: '2026-11-16', week: '2026-11-16' });
      // Stamped a little ahead of the server's clock (the next week): its own day too.
      expect(rollUpEvent(event, 'UTC', '2026-11-21')).toMatchObject({ day: '2026-11-22', week: '2026-11-16' });
      expect(rollUpEvent({ ...event, at: '2026-11-23T01:00:00.000Z' }, 'UTC', '2026-11-22')).toMatchObject({ day: '2026-11-23', week: '2026-11-23' });
    });

    it('takes both days in the company time zone', () => {
      // Sunday 23:30 in Tokyo (14:30 UTC), arriving Monday 00:10 in Tokyo (still Sunday in UTC).
      const sundayNight = { ...event, at: '2026-11-22T14:30:00.000Z' };
      const arrivedOn = localDay(new Date('2026-11-22T15:10:00.000Z'), 'Asia/Tokyo');
      expect(arrivedOn).toBe('2026-11-23');
      expect(rollUpEvent(sundayNight, 'Asia/Tokyo')).toMatchObject({ day: '2026-11-22', week: '2026-11-16' });
      expect(rollUpEvent(sundayNight, 'Asia/Tokyo', arrivedOn)).toMatchObject({ day: '2026-11-23', week: '2026-11-23' });
      // In UTC both fall on Sunday 11-22: the same week, its own day.
      const inUtc = localDay(new Date('2026-11-22T15:10:00.000Z'), 'UTC');
      expect(rollUpEvent(sundayNight, 'UTC', inUtc)).toMatchObject({ day: '2026-11-22', week: '2026-11-16' });
    });
  });
});
