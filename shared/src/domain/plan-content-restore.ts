import type { ContentBundle } from '../schemas/content-bundle';
import { RESTORE_KINDS, type ImportCounts, type ImportRowResult, type RestoreKind } from '../schemas/content-import';
import type { ContentExport } from '../schemas/content-export';
import { changedFields } from './changed-fields';

type Content = Pick<ContentBundle, RestoreKind | 'timezone'>;
export type RestorePlan = { rows: ImportRowResult[]; counts: Record<RestoreKind, ImportCounts>; timezone: string | null };

const STORY_KEYS = ['title', 'customer', 'quote', 'body', 'impact', 'source', 'tags', 'roles', 'credits', 'publishOn', 'archived', 'recognition'] as const;

/**
 * What restoring an export file would do to the current content: the file
 * replaces everything, so each kind counts what is created, updated, left
 * unchanged and removed; stories are listed one by one.
 */
export function planContentRestore(current: Content, file: ContentExport): RestorePlan {
  const counts = Object.fromEntries(
    RESTORE_KINDS.map((kind) => [kind, compare(entries(current, kind), entries(file, kind))]),
  ) as Record<RestoreKind, ImportCounts>;

  const before = new Map(current.stories.map((s) => [s.id, s]));
  const rows: ImportRowResult[] = file.stories.map((story) => {
    const old = before.get(story.id);
    const changes = old ? changedFields(old, story, STORY_KEYS) : [];
    return { row: null, action: !old ? 'create' : changes.length ? 'update' : 'unchanged', id: story.id, title: story.title, customer: story.customer, changes };
  });
  const kept = new Set(file.stories.map((s) => s.id));
  for (const story of current.stories) {
    if (!kept.has(story.id)) rows.push({ row: null, action: 'remove', id: story.id, title: story.title, customer: story.customer, changes: [] });
  }
  return { rows, counts, timezone: file.timezone === current.timezone ? null : file.timezone };
}

/** Each kind as id → comparable value (position included, since order is content too). */
function entries(content: Pick<ContentBundle, RestoreKind>, kind: RestoreKind): Map<string, string> {
  if (kind === 'schedule') return new Map(Object.entries(content.schedule));
  return new Map(
    content[kind].map((item, position) => {
      // Sorted keys, nested objects' too (a story's recognition mark): the same
      // item read from the database or from a file compares equal.
      return [item.id, JSON.stringify({ ...item, position }, sortedKeys)];
    }),
  );
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function compare(before: Map<string, string>, after: Map<string, string>): ImportCounts {
  const counts: ImportCounts = { create: 0, update: 0, unchanged: 0, remove: 0 };
  for (const [id, value] of after) {
    const old = before.get(id);
    counts[old === undefined ? 'create' : old === value ? 'unchanged' : 'update']++;
  }
  for (const id of before.keys()) if (!after.has(id)) counts.remove++;
  return counts;
}
