import { describe, expect, it } from 'vitest';
import { planContentRestore } from '../../../shared/src/domain/plan-content-restore';
import type { ContentExport } from '../../../shared/src/schemas/content-export';

const story = { id: 's1', title: 'One', customer: 'Acme', body: 'Body', tags: [], archived: false };
const current = {
  timezone: 'UTC',
  stories: [story, { ...story, id: 's2', title: 'Two' }],
  prompts: [{ id: 'p1', text: 'Why?', where: 'both' as const }],
  actions: [],
  roles: [],
  departments: [{ id: 'd1', name: 'Legal' }],
  schedule: { '2026-12-01': 's1' },
};

describe('planContentRestore', () => {
  it('counts per kind what the file creates, updates, leaves and removes, and lists the stories', () => {
    const file: ContentExport = {
      format: 'customer-chair-content',
      formatVersion: 1,
      exportedAt: '2026-11-23T10:00:00.000Z',
      version: 4,
      timezone: 'Europe/Paris',
      // Key order differs from the database's: still "unchanged".
      stories: [{ archived: false, tags: [], body: 'Body', customer: 'Acme', title: 'One', id: 's1' }, { ...story, id: 's3', title: 'Three' }],
      prompts: [{ id: 'p1', text: 'Why not?', where: 'both' }],
      actions: [],
      roles: [],
      departments: [{ id: 'd1', name: 'Legal' }],
      schedule: {},
    };
    const plan = planContentRestore(current, file);
    expect(plan.counts).toMatchObject({
      stories: { create: 1, update: 0, unchanged: 1, remove: 1 },
      prompts: { create: 0, update: 1, unchanged: 0, remove: 0 },
      departments: { unchanged: 1 },
      schedule: { remove: 1 },
    });
    expect(plan.rows.map((r) => [r.action, r.id])).toEqual([
      ['unchanged', 's1'],
      ['create', 's3'],
      ['remove', 's2'],
    ]);
    expect(plan.timezone).toBe('Europe/Paris');
  });

  it('sees a changed recognition mark, whatever the order of its keys', () => {
    const mark = { roundName: '2027 Q1', categoryName: 'Faster for customers', teamName: 'Line 4 maintenance crew' };
    const marked = { ...current, stories: [{ ...story, recognition: mark }] };
    const file = (recognition: typeof mark): ContentExport => ({
      format: 'customer-chair-content',
      formatVersion: 1,
      exportedAt: '2026-11-23T10:00:00.000Z',
      version: 4,
      timezone: 'UTC',
      stories: [{ ...story, recognition }],
      prompts: current.prompts,
      actions: [],
      roles: [],
      departments: current.departments,
      schedule: current.schedule,
    });
    const reordered = planContentRestore(marked, file({ teamName: mark.teamName, categoryName: mark.categoryName, roundName: mark.roundName }));
    expect(reordered.counts.stories).toEqual({ create: 0, update: 0, unchanged: 1, remove: 0 });
    expect(reordered.rows[0]).toMatchObject({ action: 'unchanged', changes: [] });

    const renamed = planContentRestore(marked, file({ ...mark, teamName: 'Line 5 maintenance crew' }));
    expect(renamed.counts.stories).toEqual({ create: 0, update: 1, unchanged: 0, remove: 0 });
    expect(renamed.rows[0]).toMatchObject({ action: 'update', changes: ['recognition'] });
  });
});
