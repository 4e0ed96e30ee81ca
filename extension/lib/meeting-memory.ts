import { meetingMarks, type MeetingMark } from './storage';

/**
 * One meeting occurrence, named by a hash of the site's meeting key and the
 * day: a weekly meeting on the same link is a new meeting each week, and
 * nothing readable (no meeting code, URL or title) is ever stored.
 */
export async function meetingId(key: string, day: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${key}\n${day}`));
  // A view, not .slice(): in a Firefox content script, slicing the page-realm buffer's array throws "Permission denied".
  return Array.from(new Uint8Array(digest, 0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What this browser remembers about a meeting. */
export async function readMeetingMark(id: string): Promise<MeetingMark | undefined> {
  return (await meetingMarks.getValue())[id];
}

/**
 * Records something about a meeting; marks from earlier days are dropped at
 * the same time, so the map holds one day's meetings at most.
 */
export async function updateMeetingMark(id: string, day: string, change: Omit<MeetingMark, 'day'>): Promise<MeetingMark> {
  const marks = await meetingMarks.getValue();
  const kept = Object.fromEntries(Object.entries(marks).filter(([, mark]) => mark.day === day));
  const mark = { ...kept[id], ...change, day };
  await meetingMarks.setValue({ ...kept, [id]: mark });
  return mark;
}
