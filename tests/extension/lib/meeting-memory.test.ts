import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { meetingId, readMeetingMark, updateMeetingMark } from '../../../extension/lib/meeting-memory';
import { meetingMarks } from '../../../extension/lib/storage';

beforeEach(() => fakeBrowser.reset());

describe('meeting memory', () => {
  it('names a meeting occurrence by a hash: the same meeting on the same day, never the code itself', async () => {
    const today = await meetingId('meet:abc-defg-hij', '2026-11-23');
    expect(today).toMatch(/^[0-9a-f]{32}$/);
    expect(await meetingId('meet:abc-defg-hij', '2026-11-23')).toBe(today);
    // Next week's occurrence of a recurring meeting on the same link is a new meeting.
    expect(await meetingId('meet:abc-defg-hij', '2026-11-30')).not.toBe(today);
    expect(await meetingId('meet:xyz-defg-hij', '2026-11-23')).not.toBe(today);
  });

  it('remembers what happened in a meeting, and forgets earlier days', async () => {
    await updateMeetingMark('old', '2026-11-22', { dismissed: true });
    await updateMeetingMark('a', '2026-11-23', { promptShown: true });
    await updateMeetingMark('a', '2026-11-23', { dismissed: true });
    expect(await readMeetingMark('a')).toEqual({ day: '2026-11-23', promptShown: true, dismissed: true });
    expect(await readMeetingMark('old')).toBeUndefined();
    expect(Object.keys(await meetingMarks.getValue())).toEqual(['a']);
    expect(JSON.stringify(await meetingMarks.getValue())).not.toContain('abc-defg-hij');
  });
});
