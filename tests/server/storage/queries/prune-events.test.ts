import { describe, expect, it } from 'vitest';
import { countEvents } from '../../../../server/src/storage/queries/count-events';
import { pruneEvents } from '../../../../server/src/storage/queries/prune-events';
import { makeEvent } from '../../../support/make-event';
import { makeTestApp, postEventsOnTime } from '../../../support/test-app';

describe('pruneEvents', () => {
  it('removes raw events before the cut-off in chunks, and keeps the roll-ups', async () => {
    const t = await makeTestApp({ now: '2026-11-23T10:00:00Z', config: { minGroupSize: 1 } });
    const old = Array.from({ length: 12 }, () => makeEvent({ at: '2026-09-01T10:00:00.000Z' }));
    const recent = Array.from({ length: 3 }, () => makeEvent({ at: '2026-11-20T10:00:00.000Z' }));
    await postEventsOnTime(t, { events: [...old, ...recent] });

    expect(pruneEvents(t.db, new Date('2026-10-01T00:00:00Z'), 5)).toBe(12);
    expect(countEvents(t.db)).toBe(3);
    const stats = await t.app.request('/api/v1/stats?from=2026-09-01&to=2026-11-30', { headers: t.admin });
    expect(((await stats.json()) as { total: { actionsTaken: number } }).total.actionsTaken).toBe(15);
  });
});
