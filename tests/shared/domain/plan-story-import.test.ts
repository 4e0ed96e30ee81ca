import { describe, expect, it } from 'vitest';
import { planStoryImport } from '../../../shared/src/domain/plan-story-import';
import type { Story } from '../../../shared/src/schemas/story';

const existing: Story[] = [
  { id: 'night-shift', title: 'The night shift', customer: 'St. Aldric — nurse', body: 'Body.', tags: ['it'], roles: ['it'], archived: true },
  { id: 'twin-a', title: 'Twins', customer: 'Acme', body: 'A', tags: [], archived: false },
  { id: 'twin-b', title: 'Twins', customer: 'Acme', body: 'B', tags: [], archived: false },
];
const current = { stories: existing, roleIds: new Set(['it', 'legal']), departmentIds: new Set(['manufacturing', 'sales', 'support']) };

describe('planStoryImport', () => {
  it('creates, updates (naming the changed fields) or leaves each story, matching by id or by title and customer', () => {
    const plan = planStoryImport(
      {
        rows: [
          { row: 1, values: { title: 'A new one', customer: 'Acme', body: 'Text', tags: 'a; b' } },
          { row: 2, values: { title: '  the NIGHT shift ', customer: 'st. aldric — nurse', body: 'Body.', impact: 'Faster.', roles: '' } },
          { row: 3, values: { id: 'twin-b', body: 'B' } },
        ],
      },
      current,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.rows.map((r) => [r.row, r.action, r.id, r.changes])).toEqual([
      [1, 'create', 'a-new-one', []],
      [2, 'update', 'night-shift', ['title', 'customer', 'impact', 'roles']],
      [3, 'unchanged', 'twin-b', []],
    ]);
    expect(plan.counts).toEqual({ create: 1, update: 1, unchanged: 1, remove: 0 });
    // Updating keeps what the file does not name, archived included; an empty roles cell means everyone.
    const update = plan.writes.find((w) => w.action === 'update')!.story;
    expect(update).toEqual({ id: 'night-shift', title: 'the NIGHT shift', customer: 'st. aldric — nurse', body: 'Body.', tags: ['it'], impact: 'Faster.', archived: true });
    expect(plan.writes.find((w) => w.action === 'create')!.story).toEqual({ id: 'a-new-one', title: 'A new one', customer: 'Acme', body: 'Text', tags: ['a', 'b'], archived: false });
  });

  it('reports every problem as "row N, column X: message" and plans no writes for those rows', () => {
    const plan = planStoryImport(
      {
        header: { row: 1, columns: ['title', 'customer', 'body', 'roles'] },
        rows: [
          { row: 2, values: { title: 'Twins', customer: 'Acme', body: 'C', roles: '' } },
          { row: 3, values: { title: '', customer: 'Acme', body: 'x', roles: 'pilots' } },
          { row: 4, values: { title: 'Same', customer: 'Acme', body: 'x', roles: '' } },
          { row: 5, values: { title: 'same', customer: 'ACME', body: 'y', roles: '' } },
        ],
      },
      current,
    );
    expect(plan.errors.map((e) => e.text)).toEqual([
      'row 2: matches 2 stories (twin-a, twin-b) by title and customer; add an id column to say which',
      'row 3, column title: must not be empty',
      'row 3, column roles: unknown role "pilots"',
      'row 5: is the same story as row 4; keep one of them',
    ]);
    expect(plan.writes.map((w) => w.row)).toEqual([4]);
  });

  it('checks a CSV header once, and refuses empty or oversized files', () => {
    const header = planStoryImport({ header: { row: 1, columns: ['title', 'title', 'colour'] }, rows: [{ row: 2, values: {} }] }, current);
    expect(header.errors.map((e) => e.text)).toEqual([
      'row 1, column title: appears twice',
      'row 1, column colour: unknown column; the columns are id, title, customer, quote, body, impact, source, tags, roles, credits, publishOn',
    ]);
    expect(planStoryImport({ rows: [] }, current).errors.map((e) => e.text)).toEqual(['The file has no story rows.']);
    const many = Array.from({ length: 2001 }, (_, i) => ({ row: i + 1, values: {} }));
    expect(planStoryImport({ rows: many }, current).errors[0]!.text).toBe('The file has 2001 rows; import at most 2000 at a time.');
  });

  it('requires title, customer and body for a new story, and names an item of a list', () => {
    const plan = planStoryImport({ rows: [{ row: 1, values: { id: 'new-one', tags: ['ok', 'x'.repeat(33)] } }] }, current);
    expect(plan.errors.map((e) => e.text)).toEqual([
      'row 1, column title: is required for a new story',
      'row 1, column customer: is required for a new story',
      'row 1, column body: is required for a new story',
      'row 1, column tags: must be at most 32 characters (item 2)',
    ]);
  });

  it('reads credits as department ids ("a; b" in a CSV cell), an empty cell meaning none, and names the changed field', () => {
    const stories: Story[] = [...existing, { id: 'credited', title: 'Credited', customer: 'Acme', body: 'C', tags: [], credits: ['sales'], archived: false }];
    const plan = planStoryImport(
      {
        header: { row: 1, columns: ['id', 'title', 'customer', 'body', 'credits'] },
        rows: [
          { row: 2, values: { id: '', title: 'Made', customer: 'Acme', body: 'x', credits: 'manufacturing; support' } },
          { row: 3, values: { id: 'credited', title: 'Credited', customer: 'Acme', body: 'C', credits: '' } },
          { row: 4, values: { id: 'twin-a', title: 'Twins', customer: 'Acme', body: 'A', credits: 'sales' } },
        ],
      },
      { ...current, stories },
    );
    expect(plan.errors).toEqual([]);
    expect(plan.rows.map((r) => [r.row, r.action, r.id, r.changes])).toEqual([
      [2, 'create', 'made', []],
      [3, 'update', 'credited', ['credits']],
      [4, 'update', 'twin-a', ['credits']],
    ]);
    expect(plan.writes.map((w) => w.story.credits)).toEqual([['manufacturing', 'support'], undefined, ['sales']]);
    expect(plan.writes[1]!.story).not.toHaveProperty('credits');
    // A file without the column keeps a story's credits; JSON may send a real list.
    const kept = planStoryImport({ rows: [{ row: 1, values: { id: 'credited', body: 'Changed' } }] }, { ...current, stories });
    expect(kept.writes[0]!.story.credits).toEqual(['sales']);
    const json = planStoryImport({ rows: [{ row: 1, values: { title: 'J', customer: 'Acme', body: 'x', credits: ['support'] } }] }, current);
    expect(json.writes[0]!.story.credits).toEqual(['support']);
  });

  it('refuses a credit that is not a department, a department credited twice, or too many, naming row and column', () => {
    const plan = planStoryImport(
      {
        header: { row: 1, columns: ['title', 'customer', 'body', 'credits'] },
        rows: [
          { row: 2, values: { title: 'One', customer: 'Acme', body: 'x', credits: 'manufacturing; pilots' } },
          { row: 3, values: { title: 'Two', customer: 'Acme', body: 'x', credits: 'sales;sales' } },
          { row: 4, values: { title: 'Three', customer: 'Acme', body: 'x', credits: 'a;b;c;d;e;f' } },
          { row: 5, values: { title: '', customer: 'Acme', body: 'x', credits: 'Not an id' } },
        ],
      },
      current,
    );
    expect(plan.errors.map((e) => e.text)).toEqual([
      'row 2, column credits: "pilots" is not a department of the company',
      'row 3, column credits: "sales" is credited twice',
      'row 4, column credits: Too big: expected array to have <=5 items',
      'row 5, column title: must not be empty',
      'row 5, column credits: must be lower-case letters, digits, "-" or "_" (item 1)',
    ]);
    expect(plan.writes).toEqual([]);
  });
});
