import { changedFields } from '@customer-chair/shared/domain/changed-fields';
import { localDay } from '@customer-chair/shared/domain/local-day';
import { makeId } from '@customer-chair/shared/domain/make-id';
import { roundPhase } from '@customer-chair/shared/domain/round-phase';
import { RoundDraftSchema, RoundEditSchema, type Round, type RoundList, type RoundRecord } from '@customer-chair/shared/schemas/recognition-round';
import { RevisionOnlySchema } from '@customer-chair/shared/schemas/revision';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { newEntrySalt } from '../../auth/receipts';
import type { AppDeps } from '../../deps';
import { createItem, editItem } from '../../editing/edit-item';
import { apiError } from '../../http/api-error';
import type { AdminVariables } from '../../middleware/require-admin';
import { countRoundEntries } from '../../storage/queries/count-round-entries';
import { deleteRecognitionRound } from '../../storage/queries/delete-recognition-round';
import { findRecognitionRound, type StoredRound } from '../../storage/queries/find-recognition-round';
import { getCompanyTimezone } from '../../storage/queries/get-company-timezone';
import { insertAuditEntry } from '../../storage/queries/insert-audit-entry';
import { insertRecognitionRound } from '../../storage/queries/insert-recognition-round';
import { listRecognitionRounds } from '../../storage/queries/list-recognition-rounds';
import { updateRecognitionRound } from '../../storage/queries/update-recognition-round';
import type { Queries } from '../../storage/storage';

const ROUND_FIELDS = ['name', 'submissionOpens', 'submissionCloses', 'judgingEnds', 'announceOn', 'categories'] as const;

/**
 * `/api/v1/admin/recognition/rounds`: the recognition rounds CX leads
 * define (name, days, categories with weighted criteria). Role: admin
 * (the app puts requireRole('admin') in front of these routes).
 *
 * Every change is audited, but does not make a new content version: rounds
 * are not part of the content bundle (extensions ask /api/v1/recognition/rounds).
 * A round whose results were published is no longer changed; a category
 * with entries is not removed; a round with entries is not deleted.
 */
export function adminRecognitionRoundRoutes(deps: AppDeps) {
  const { storage, config, clock } = deps;
  const find = (q: Queries, id: string) => findRecognitionRound(q, id);
  const item = (id: string) => ({ entity: 'round' as const, noun: 'round', id, find });
  const today = async (q: Queries) => localDay(clock.now(), await getCompanyTimezone(q, config.timezone));
  const record = (round: StoredRound, day: string): RoundRecord => ({ ...round, phase: roundPhase(round, day, round.resultsPublishedAt) });

  return new Hono<{ Variables: AdminVariables }>()
    .get('/', async (c) => {
      const day = await today(storage);
      return c.json<RoundList>({ rounds: (await listRecognitionRounds(storage)).map((round) => record(round, day)) });
    })
    .post('/', (c) =>
      createItem(
        c,
        deps,
        {
          schema: RoundDraftSchema,
          noun: 'round',
          find,
          makeId: async (tx, draft) => makeId(draft.name, new Set((await listRecognitionRounds(tx)).map((r) => r.id)), 'round'),
        },
        async (tx, draft, id, now) => {
          await insertRecognitionRound(tx, { ...draft, id }, newEntrySalt());
          await insertAuditEntry(tx, { actor: c.var.admin, action: 'created', entity: 'round', entityId: id, summary: describeRound(draft) }, now);
          return c.json<RoundRecord>(record((await find(tx, id))!, await today(tx)), 201);
        },
      ),
    )
    .put('/:id', (c) =>
      editItem(c, deps, { schema: RoundEditSchema, ...item(c.req.param('id')) }, async (tx, body, current, now) => {
        const published = refusePublished(c, current);
        if (published) return published;
        const next: Round = { id: current.id, ...pick(body) };
        const kept = new Set(next.categories.map((category) => category.id));
        const removed = [...(await countRoundEntries(tx, current.id))].filter(([categoryId]) => !kept.has(categoryId));
        if (removed.length) {
          const names = removed.map(([categoryId, n]) => `"${categoryName(current, categoryId)}" (${n} entr${n === 1 ? 'y' : 'ies'})`);
          return apiError(c, 409, 'conflict', `Teams have entered ${names.join(', ')}; a category with entries stays in its round. Nothing was saved.`, [
            { path: 'categories', message: `must keep ${removed.map(([categoryId]) => `"${categoryId}"`).join(', ')}` },
          ]);
        }
        const changes = changedFields<Round>(current, next, ROUND_FIELDS);
        if (!changes.length) return c.json<RoundRecord>(record(current, await today(tx)));
        await updateRecognitionRound(tx, next);
        await insertAuditEntry(tx, { actor: c.var.admin, action: 'updated', entity: 'round', entityId: current.id, summary: `changed ${changes.join(', ')}` }, now);
        return c.json<RoundRecord>(record((await find(tx, current.id))!, await today(tx)));
      }),
    )
    .delete('/:id', (c) =>
      editItem(c, deps, { schema: RevisionOnlySchema, ...item(c.req.param('id')) }, async (tx, _body, current, now) => {
        const entries = [...(await countRoundEntries(tx, current.id)).values()].reduce((sum, n) => sum + n, 0);
        if (entries) {
          return apiError(c, 409, 'conflict', `${current.name} has ${entries} entr${entries === 1 ? 'y' : 'ies'}; a round teams have entered is kept. Nothing was deleted.`);
        }
        await deleteRecognitionRound(tx, current.id);
        await insertAuditEntry(tx, { actor: c.var.admin, action: 'deleted', entity: 'round', entityId: current.id, summary: `was ${describeRound(current)}` }, now);
        return c.body(null, 204);
      }),
    );
}

/** The fields a CX lead edits, without the revision. */
function pick<T extends Omit<Round, 'id'>>(body: T): Omit<Round, 'id'> {
  return Object.fromEntries(ROUND_FIELDS.map((key) => [key, body[key]])) as Omit<Round, 'id'>;
}

function refusePublished(c: Context, round: StoredRound): Response | undefined {
  if (round.resultsPublishedAt === null) return undefined;
  return apiError(c, 409, 'conflict', `The results of ${round.name} were published; the round is kept as it was judged. Nothing was saved.`);
}

function categoryName(round: Round, categoryId: string): string {
  return round.categories.find((category) => category.id === categoryId)?.name ?? categoryId;
}

/** "2027 Q1: submissions 2026-11-09 to 2026-12-14, 3 categories" for the audit log. */
function describeRound(round: Omit<Round, 'id'>): string {
  const n = round.categories.length;
  return `${round.name}: submissions ${round.submissionOpens} to ${round.submissionCloses}, ${n} categor${n === 1 ? 'y' : 'ies'}`;
}
