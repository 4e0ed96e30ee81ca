import { describe, expect, it } from 'vitest';
import { checkEventTimes } from '../../../shared/src/domain/check-event-times';

describe('checkEventTimes', () => {
  const now = new Date('2026-11-23T12:00:00Z');

  it('accepts the edges of the window and names events outside it', () => {
    const issues = checkEventTimes(
      [
        { at: '2026-08-25T12:00:00.000Z' }, // exactly 90 days ago
        { at: '2026-08-25T11:59:59.999Z' }, // just older
        { at: '2026-11-24T12:00:00.000Z' }, // exactly a day ahead
        { at: '2026-11-24T12:00:00.001Z' }, // just beyond
      ],
      now,
      90,
    );
    expect(issues).toEqual([
      { path: 'events.1.at', message: 'is older than the 90-day retention window' },
      { path: 'events.3.at', message: 'is more than 24 hours in the future' },
    ]);
  });
});
