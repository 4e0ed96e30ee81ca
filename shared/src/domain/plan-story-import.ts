import { IMPORT_COLUMNS, type ImportCounts, type ImportIssue, type ImportRowResult } from '../schemas/content-import';
import { LIMITS } from '../schemas/limits';
import type { Story } from '../schemas/story';
import { StoryDraftSchema } from '../schemas/story-record';
import { changedFields } from './changed-fields';
import { importIssue } from './import-issue';
import { makeId } from './make-id';

/** One story row of a file: its row number and its values by column. */
export type ImportRow = { row: number; values: unknown };
export type StoryImportInput = {
  /** A CSV's header (its columns are checked once there); JSON rows are checked one by one. */
  header?: { row: number; columns: string[] };
  rows: ImportRow[];
};
export type StoryWrite = { row: number; action: 'create' | 'update'; story: Story };
export type StoryImportPlan = { rows: ImportRowResult[]; errors: ImportIssue[]; writes: StoryWrite[]; counts: ImportCounts };

export const STORY_FIELDS = ['title', 'customer', 'quote', 'body', 'impact', 'source', 'tags', 'roles', 'credits', 'publishOn'] as const;
const REQUIRED = ['title', 'customer', 'body'] as const;
const LISTS = new Set(['tags', 'roles', 'credits']);
const KNOWN = new Set<string>(IMPORT_COLUMNS);

/** Title and customer, folded, identify a story in a file without ids. */
const nameKey = (title: unknown, customer: unknown) =>
  `${String(title ?? '').trim().toLowerCase().replace(/\s+/g, ' ')}\u0000${String(customer ?? '').trim().toLowerCase().replace(/\s+/g, ' ')}`;

/** "a; b, c" in a CSV cell is a list; JSON may send a real array. */
function listValue(value: unknown): unknown {
  return typeof value === 'string' ? value.split(/[;,]/).map((v) => v.trim()).filter(Boolean) : value;
}

/**
 * What importing story rows would do, with no I/O: which row creates or
 * updates which story (and which fields change), and every error as
 * "row N, column X: message". A row names its story by `id` when it has one,
 * otherwise by the same title and customer (case and spacing ignored); with
 * no match it creates a story. Columns absent from the file keep the
 * story's values; present but empty clears an optional field.
 */
export function planStoryImport(
  input: StoryImportInput,
  current: { stories: Story[]; roleIds: ReadonlySet<string>; departmentIds: ReadonlySet<string> },
): StoryImportPlan {
  const errors: ImportIssue[] = [];
  const results: ImportRowResult[] = [];
  const writes: StoryWrite[] = [];
  const counts: ImportCounts = { create: 0, update: 0, unchanged: 0, remove: 0 };
  const done = () => ({ rows: results, errors, writes, counts });

  if (input.rows.length === 0) errors.push(importIssue(null, null, 'The file has no story rows.'));
  if (input.rows.length > LIMITS.importRows) {
    errors.push(importIssue(null, null, `The file has ${input.rows.length} rows; import at most ${LIMITS.importRows} at a time.`));
  }
  if (input.header) {
    const seen = new Set<string>();
    for (const column of input.header.columns) {
      if (!KNOWN.has(column)) errors.push(importIssue(input.header.row, column, `unknown column; the columns are ${IMPORT_COLUMNS.join(', ')}`));
      else if (seen.has(column)) errors.push(importIssue(input.header.row, column, 'appears twice'));
      seen.add(column);
    }
  }
  if (errors.length) return done();

  const byId = new Map(current.stories.map((s) => [s.id, s]));
  const byName = new Map<string, Story[]>();
  for (const story of current.stories) {
    const key = nameKey(story.title, story.customer);
    byName.set(key, [...(byName.get(key) ?? []), story]);
  }
  const taken = new Set(byId.keys());
  const claimedIds = new Map<string, number>();
  const claimedNames = new Map<string, number>();

  for (const { row, values: raw } of input.rows) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      errors.push(importIssue(row, null, 'must be an object with the story’s columns'));
      continue;
    }
    const values = raw as Record<string, unknown>;
    const rowErrors: ImportIssue[] = [];
    if (!input.header) {
      for (const key of Object.keys(values)) {
        if (!KNOWN.has(key)) rowErrors.push(importIssue(row, key, `unknown column; the columns are ${IMPORT_COLUMNS.join(', ')}`));
      }
    }
    const present = Object.fromEntries(
      STORY_FIELDS.filter((f) => f in values).map((f) => [f, LISTS.has(f) ? listValue(values[f]) : values[f]]),
    );
    const givenId = typeof values.id === 'string' ? values.id.trim() : values.id;
    let target: Story | undefined;
    if (givenId !== undefined && givenId !== '') {
      target = typeof givenId === 'string' ? byId.get(givenId) : undefined;
    } else {
      const matches = byName.get(nameKey(values.title, values.customer)) ?? [];
      if (matches.length > 1) {
        rowErrors.push(importIssue(row, null, `matches ${matches.length} stories (${matches.map((s) => s.id).join(', ')}) by title and customer; add an id column to say which`));
      }
      target = matches.length === 1 ? matches[0] : undefined;
    }
    if (!target) {
      for (const field of REQUIRED) if (present[field] === undefined) rowErrors.push(importIssue(row, field, 'is required for a new story'));
    }
    const candidate = { ...(target ? pickFields(target) : {}), ...present };
    const parsed = StoryDraftSchema.safeParse({ ...candidate, id: givenId === '' ? undefined : givenId });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? '');
        if (rowErrors.some((e) => e.column === column)) continue;
        const item = issue.path.length > 1 && LISTS.has(column) ? ` (item ${Number(issue.path[1]) + 1})` : '';
        rowErrors.push(importIssue(row, column || null, issue.message + item));
      }
    }
    // Unknown roles are reported even when other columns of the row are wrong: every error at once.
    const listedRoles = Array.isArray(present.roles) && !rowErrors.some((e) => e.column === 'roles') ? present.roles : [];
    for (const role of listedRoles) {
      if (!current.roleIds.has(String(role))) rowErrors.push(importIssue(row, 'roles', `unknown role "${String(role)}"`));
    }
    // Credits likewise: each a department of the company, and each once.
    const credited = Array.isArray(present.credits) && !rowErrors.some((e) => e.column === 'credits') ? present.credits.map(String) : [];
    credited.forEach((department, i) => {
      if (!current.departmentIds.has(department)) rowErrors.push(importIssue(row, 'credits', `"${department}" is not a department of the company`));
      else if (credited.indexOf(department) !== i) rowErrors.push(importIssue(row, 'credits', `"${department}" is credited twice`));
    });
    if (rowErrors.length || !parsed.success) {
      errors.push(...rowErrors);
      continue;
    }
    const { id: draftId, roles, credits, ...fields } = parsed.data;
    const id = target?.id ?? draftId ?? makeId(fields.title, taken, 'story');
    const name = nameKey(fields.title, fields.customer);
    // Ids may repeat a title and customer on purpose; rows without ids may not.
    const earlier = claimedIds.get(id) ?? (draftId === undefined ? claimedNames.get(name) : undefined);
    if (earlier !== undefined) {
      errors.push(importIssue(row, null, `is the same story as row ${earlier}; keep one of them`));
      continue;
    }
    taken.add(id);
    claimedIds.set(id, row);
    claimedNames.set(name, row);
    const story = withoutUndefined<Story>({
      ...fields,
      roles: roles?.length ? roles : undefined,
      credits: credits?.length ? credits : undefined,
      id,
      archived: target?.archived ?? false,
    });
    const changes = target ? changedFields<Story>(target, story, STORY_FIELDS) : [];
    const action = !target ? 'create' : changes.length ? 'update' : 'unchanged';
    counts[action]++;
    results.push({ row, action, id, title: story.title, customer: story.customer, changes });
    if (action !== 'unchanged') writes.push({ row, action, story });
  }
  return done();
}

function pickFields(story: Story): Record<string, unknown> {
  return Object.fromEntries(STORY_FIELDS.filter((f) => story[f] !== undefined).map((f) => [f, story[f]]));
}

function withoutUndefined<T>(value: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
