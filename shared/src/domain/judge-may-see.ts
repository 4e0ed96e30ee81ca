import type { AdminRole } from '../schemas/admin-role';

/** A dashboard credential as judging sees it: its role, and the department a judge belongs to, if any. */
export type Judge = { role: AdminRole; department?: string | null };

/**
 * Whether a credential may see (and so score) an entry. A judge tied to a
 * department never sees that department's entries (conflict of interest);
 * an untied judge sees all. An admin, the panel's chair, sees every entry:
 * marking winners and publishing need the whole field. A viewer reads
 * adoption only, never entries.
 */
export function judgeMaySee(judge: Judge, entry: { department: string }): boolean {
  if (judge.role === 'admin') return true;
  if (judge.role !== 'judge') return false;
  return !judge.department || judge.department !== entry.department;
}
