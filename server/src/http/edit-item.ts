import type { AuditEntity } from '@customer-chair/shared/schemas/audit-entry';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppDeps } from '../deps';
import type { AdminVariables } from '../middleware/require-admin';
import { getCompanyTimezone } from '../storage/queries/get-company-timezone';
import { apiError } from './api-error';
import { readJson } from './read-json';
import { refuseStale } from './refuse-stale';

type AdminContext = Context<{ Variables: AdminVariables }>;

/**
 * An edit of an existing item: reads the body, then in one transaction finds
 * the item, refuses it when missing (404) or changed since the editor opened
 * it (409), and lets `apply` make the change. Nothing is written on a refusal.
 */
export async function editItem<B extends { revision: number }, T extends { revision: number }>(
  c: AdminContext,
  { db, clock, config }: AppDeps,
  item: { schema: z.ZodType<B>; entity: AuditEntity; noun: string; id: string; find: (id: string) => T | undefined },
  apply: (body: B, current: T, now: Date) => Response,
): Promise<Response> {
  const body = await readJson(c, item.schema);
  if (body instanceof Response) return body;
  const now = clock.now();
  return db.transaction(() => {
    const current = item.find(item.id);
    const stale = refuseStale(c, db, getCompanyTimezone(db, config.timezone), { ...item, current, revision: body.revision });
    return stale ?? apply(body, current!, now);
  })();
}

/**
 * A new item: reads the body, then in one transaction refuses an id that is
 * taken (409) or, without an id, makes one; `apply` stores it.
 */
export async function createItem<B extends { id?: string }>(
  c: AdminContext,
  { db, clock }: AppDeps,
  item: { schema: z.ZodType<B>; noun: string; find: (id: string) => unknown; makeId: (body: B) => string },
  apply: (body: B, id: string, now: Date) => Response,
): Promise<Response> {
  const body = await readJson(c, item.schema);
  if (body instanceof Response) return body;
  const now = clock.now();
  return db.transaction(() => {
    if (body.id !== undefined && item.find(body.id) !== undefined) {
      return apiError(c, 409, 'conflict', `A ${item.noun} with the id "${body.id}" exists already; choose another id, or leave it out.`, [
        { path: 'id', message: 'is taken' },
      ]);
    }
    return apply(body, body.id ?? item.makeId(body), now);
  })();
}
