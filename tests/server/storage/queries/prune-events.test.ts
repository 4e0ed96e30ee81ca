import { describe, expect, it } from 'vitest';
import { pruneEvents } from '../../../../server/src/storage/queries/prune-events';
import { makeEvent } from '../../../support/make-event';
import { countStored } from '../../../support/stored-events';
import { makeTestApp, postEventsOnTime } from '../../../support/test-app';

describe('pruneEvents', () => {
  it('removes raw events before the cut-off in chunks, and keeps the roll-ups', async () => {
    const t = await makeTestApp({ now: '2026-11-23T10:00:00Z', config: { minGroupSize: 1 } });
    const old = Array.from({ length: 12 }, () => makeEvent({ at: '2026-09-01T10:00:00.000Z' }));
    const recent = Array.from({ length: 3 }, () => makeEvent({ at: '2026-11-20T10:00:00.000Z' }));
    await postEventsOnTime(t, { events: [...old, ...recent] });

    expect(await pruneEvents(t.storage, new Date('2026-10-01T00:00:00Z'), 5)).toBe(12);
    expect(await countStored(t.storage, 'events')).toBe(3);
    expect(await pruneEvents(t.storage, new Date('2026-10-01T00:00:00Z'), 5)).toBe(0);
    const stats = await t.app.request('/api/v1/stats?from=2026-09-01&to=2026-11-30', { headers: t.admin });
    expect(((await stats.json()) as { total: { actionsTaken: number } }).total.actionsTaken).toBe(15);
  });

  it('lets ingest go on between its chunks', async () => {
    const t = await makeTestApp({ now: '2026-11-23T10:00:00Z' });
    await postEventsOnTime(t, { events: Array.from({ length: 40 }, () => makeEvent({ at: '2026-09-01T10:00:00.000Z' })) });
    const [removed] = await Promise.all([
      pruneEvents(t.storage, new Date('2026-10-01T00:00:00Z'), 4),
      postEventsOnTime(t, { events: Array.from({ length: 5 }, () => makeEvent({ at: '2026-11-20T10:00:00.000Z' })) }),
    ]);
    expect(removed).toBe(40);
    expect(await countStored(t.storage, 'events')).toBe(5);
  });
});
