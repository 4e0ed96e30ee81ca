import type { AuditEntity } from '@customer-chair/shared/schemas/audit-entry';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppDeps } from '../deps';
import type { AdminVariables } from '../middleware/require-admin';
import { getCompanyTimezone } from '../storage/queries/get-company-timezone';
import type { Queries, Transaction } from '../storage/storage';
import { apiError } from '../http/api-error';
import { readJson } from '../http/read-json';
import { refuseStale } from './refuse-stale';

type AdminContext = Context<{ Variables: AdminVariables }>;

/**
 * An edit of an existing item: reads the body, then in one transaction
 * finds the item, refuses it when missing (404) or changed since the editor
 * opened it (409), and lets `apply` make the change with the transaction's
 * handle. Nothing is written on a refusal. The transaction takes the
 * content lock that every content change takes, so that the check and the
 * write are one step on every instance: two saves of the same revision,
 * on two instances, give one 200 and one 409.
 */
export async function editItem<B extends { revision: number }, T extends { revision: number }>(
  c: AdminContext,
  { storage, clock, config }: AppDeps,
  item: { schema: z.ZodType<B>; entity: AuditEntity; noun: string; id: string; find: (q: Queries, id: string) => Promise<T | undefined> },
  apply: (tx: Transaction, body: B, current: T, now: Date) => Promise<Response>,
): Promise<Response> {
  const body = await readJson(c, item.schema);
  if (body instanceof Response) return body;
  const now = clock.now();
  return storage.transaction(async (tx) => {
    const current = await item.find(tx, item.id);
    const stale = await refuseStale(c, tx, await getCompanyTimezone(tx, config.timezone), { ...item, current, revision: body.revision });
    return stale ?? apply(tx, body, current!, now);
  }, { lock: 'content' });
}

/**
 * A new item: reads the body, then in one transaction (under the content
 * lock) refuses an id that is taken (409) or, without an id, makes one;
 * `apply` stores it.
 */
export async function createItem<B extends { id?: string }>(
  c: AdminContext,
  { storage, clock }: AppDeps,
  item: { schema: z.ZodType<B>; noun: string; find: (q: Queries, id: string) => Promise<unknown>; makeId: (q: Queries, body: B) => Promise<string> },
  apply: (tx: Transaction, body: B, id: string, now: Date) => Promise<Response>,
): Promise<Response> {
  const body = await readJson(c, item.schema);
  if (body instanceof Response) return body;
  const now = clock.now();
  return storage.transaction(async (tx) => {
    if (body.id !== undefined && (await item.find(tx, body.id)) !== undefined) {
      return apiError(c, 409, 'conflict', `A ${item.noun} with the id "${body.id}" exists already; choose another id, or leave it out.`, [
        { path: 'id', message: 'is taken' },
      ]);
    }
    return apply(tx, body, body.id ?? (await item.makeId(tx, body)), now);
  }, { lock: 'content' });
}
