import { describe, expect, it } from 'vitest';
import { countDepartmentInstalls, countDepartmentsInstalls } from '../../../../server/src/storage/queries/count-department-installs';
import { insertEvents } from '../../../../server/src/storage/queries/insert-events';
import { installIds, makeEvent } from '../../../support/make-event';
import { openTestStorage } from '../../../support/test-storage';

const NOW = new Date('2026-11-25T12:00:00Z');

describe('countDepartmentInstalls (on this run’s engine)', () => {
  it('counts distinct installs with any event in a department over the days asked for, a thanks included', async () => {
    const storage = await openTestStorage();
    const [a, b, c] = installIds(3);
    await insertEvents(
      storage,
      [
        makeEvent({ installId: a, department: 'sales', role: 'sales', at: '2026-11-23T09:00:00.000Z' }),
        makeEvent({ installId: a, department: 'sales', role: 'cx', at: '2026-11-24T09:00:00.000Z' }),
        makeEvent({ installId: b, type: 'team_thanked', department: 'sales', role: 'sales', storyId: 's', thankedDepartment: 'legal', at: '2026-11-25T09:00:00.000Z' }),
        makeEvent({ installId: c, department: 'legal', role: 'legal', at: '2026-11-23T09:00:00.000Z' }),
      ],
      'UTC',
      NOW,
    );
    expect(await countDepartmentInstalls(storage, 'sales', '2026-11-23', '2026-11-25')).toBe(2);
    expect(await countDepartmentInstalls(storage, 'sales', '2026-11-23', '2026-11-24')).toBe(1);
    // A department thanked is not active for it: only its own members' events count.
    expect(await countDepartmentInstalls(storage, 'legal', '2026-11-24', '2026-11-25')).toBe(0);
    expect(await countDepartmentInstalls(storage, 'legal', '2026-11-23', '2026-11-25')).toBe(1);
    expect(await countDepartmentInstalls(storage, 'nowhere', '2026-11-01', '2026-11-30')).toBe(0);
    expect(await countDepartmentsInstalls(storage, '2026-11-01', '2026-11-30')).toEqual(new Map([['sales', 2], ['legal', 1]]));
    await storage.close();
  });
});
