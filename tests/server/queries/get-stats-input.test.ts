import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildStats } from '../../../shared/src/domain/build-stats';
import type { UsageEvent } from '../../../shared/src/schemas/usage-event';
import { openDatabase } from '../../../server/src/db/open-database';
import { getStatsInput } from '../../../server/src/queries/get-stats-input';
import { insertEvents } from '../../../server/src/queries/insert-events';
import { makeEvent, uuidv7 } from '../../support/make-event';

const NOW = new Date('2026-11-23T12:00:00Z');
const OPTIONS = { timezone: 'UTC', minGroupSize: 4 };
const RANGES = [
  { from: '2026-10-25', to: '2026-11-23' },
  { from: '2026-11-10', to: '2026-11-12' },
];

describe('getStatsInput', () => {
  it('answers from memory kept up to date by ingest as from a fresh read of the tables', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cc-stats-input-'));
    try {
      const path = join(folder, 'cc.db');
      const db = openDatabase(path);
      const departments = ['sales', 'legal', 'it', 'finance'];
      const installs = Array.from({ length: 30 }, (_, i) => ({ id: uuidv7(), department: departments[i % 4]!, role: departments[(i >> 2) % 4]! }));
      const types = ['story_viewed', 'action_taken', 'prompt_shown'] as const;
      for (let batch = 0; batch < 20; batch++) {
        // Read between batches, so every later batch updates what is held.
        for (const range of RANGES) getStatsInput(db, range, OPTIONS);
        const events: UsageEvent[] = installs.slice(batch % 7, (batch % 7) + 12).map((install, i) => {
          if (batch === 10 && i < 3) install.department = 'safety'; // some move to a small department
          const day = `2026-11-${String(1 + ((batch * 7 + i) % 23)).padStart(2, '0')}`;
          return makeEvent({ installId: install.id, department: install.department, role: install.role, type: types[i % 3]!, at: `${day}T09:00:00.000Z` });
        });
        insertEvents(db, events, 'UTC', NOW);
      }
      const fresh = openDatabase(path);
      for (const range of RANGES) {
        const stats = buildStats(getStatsInput(db, range, OPTIONS));
        expect(stats).toEqual(buildStats(getStatsInput(fresh, range, OPTIONS)));
        if (range.to === '2026-11-23') expect(stats.other).toMatchObject({ departments: 1, activeInstalls: 3 });
      }
      fresh.close();
      db.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
