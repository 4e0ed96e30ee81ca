import { localDateTime } from '@customer-chair/shared/domain/local-day';
import type { AuditEntity } from '@customer-chair/shared/schemas/audit-entry';
import type { Context } from 'hono';
import { findLastChange } from '../storage/queries/find-last-change';
import type { Queries } from '../storage/storage';
import { apiError } from '../http/api-error';

export type StaleCheck = {
  entity: AuditEntity;
  /** How a person calls it: "story", "question", "role"… */
  noun: string;
  id: string;
  current: { revision: number } | undefined;
  /** The revision the editor was opened on. */
  revision: number;
};

/**
 * 404 when the item is gone, 409 when someone changed it since the editor
 * opened it (saying who and when), nothing when the edit may go ahead.
 */
export async function refuseStale(c: Context, q: Queries, timezone: string, check: StaleCheck): Promise<Response | undefined> {
  if (!check.current) return apiError(c, 404, 'not_found', `There is no ${check.noun} "${check.id}" (it may have been removed).`);
  if (check.current.revision === check.revision) return undefined;
  return apiError(
    c,
    409,
    'conflict',
    `This ${check.noun} was changed${await changedBy(q, check.entity, check.id, timezone)} since you opened it; reload to see their changes. Nothing was saved.`,
    [{ path: 'revision', message: `you edited revision ${check.revision}; it is now at revision ${check.current.revision}` }],
  );
}

/** " by Ana (CX) at 2026-11-23 11:05 (Europe/Paris)" from the audit log, or "" when it does not know. */
export async function changedBy(q: Queries, entity: AuditEntity, id: string, timezone: string): Promise<string> {
  const last = await findLastChange(q, entity, id);
  return last ? ` by ${last.label} at ${localDateTime(new Date(last.at), timezone)} (${timezone})` : '';
}
