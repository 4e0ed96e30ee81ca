import { importIssue } from '@customer-chair/shared/domain/import-issue';
import { planContentRestore, type RestorePlan } from '@customer-chair/shared/domain/plan-content-restore';
import { planStoryImport, type StoryImportPlan } from '@customer-chair/shared/domain/plan-story-import';
import { toApiIssues } from '@customer-chair/shared/schemas/api-error';
import type { ContentBundle } from '@customer-chair/shared/schemas/content-bundle';
import { ContentExportSchema, type ContentExport } from '@customer-chair/shared/schemas/content-export';
import type { ImportIssue } from '@customer-chair/shared/schemas/content-import';
import type { Story } from '@customer-chair/shared/schemas/story';
import { readImportFile } from './read-import-file';

/** The content an import is planned against, read from the database before planning. */
export type ImportSnapshot = { stories: Story[]; roleIds: string[]; departmentIds: string[]; bundle: ContentBundle };

export type PlannedImport =
  | { kind: 'unsupported' }
  | { kind: 'unreadable'; message: string; row?: number }
  | { kind: 'restore'; errors: ImportIssue[]; file?: undefined; plan?: undefined }
  | { kind: 'restore'; errors: []; file?: ContentExport; plan: RestorePlan }
  | { kind: 'stories'; source: 'CSV' | 'JSON'; plan: StoryImportPlan };

/**
 * Everything an import does before it writes: read the file, validate it,
 * and work out what it would change against `current`. No I/O, so it can
 * run on another thread (see planImportOffThread): for a 5 MB file this is
 * hundreds of milliseconds of parsing and validation. A restore's checked
 * file comes back only when `keepFile` (it is only needed to write it).
 */
export function planImport(contentType: string, text: string, current: ImportSnapshot, keepFile = true): PlannedImport {
  const file = readImportFile(contentType, text);
  if (file.kind === 'unsupported' || file.kind === 'unreadable') return file;
  if (file.kind === 'restore') {
    const parsed = ContentExportSchema.safeParse(file.file);
    if (!parsed.success) return { kind: 'restore', errors: toApiIssues(parsed.error).map((i) => importIssue(null, null, `${i.path}: ${i.message}`)) };
    return { kind: 'restore', errors: [], file: keepFile ? parsed.data : undefined, plan: planContentRestore(current.bundle, parsed.data) };
  }
  return { kind: 'stories', source: file.source, plan: planStoryImport(file.input, { stories: current.stories, roleIds: new Set(current.roleIds), departmentIds: new Set(current.departmentIds) }) };
}
