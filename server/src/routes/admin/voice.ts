import { draftVoiceStory } from '@customer-chair/shared/domain/draft-voice-story';
import { addDays, localDay } from '@customer-chair/shared/domain/local-day';
import { makeId } from '@customer-chair/shared/domain/make-id';
import { maskVoiceDepartment, VOICE_SIZE_DAYS } from '@customer-chair/shared/domain/mask-voice-department';
import { toApiIssues } from '@customer-chair/shared/schemas/api-error';
import { LIMITS } from '@customer-chair/shared/schemas/limits';
import { RevisionOnlySchema } from '@customer-chair/shared/schemas/revision';
import {
  SMALL_DEPARTMENT,
  VoiceInboxQuerySchema,
  VoiceShareSchema,
  VoiceUpdateSchema,
  VOICE_KIND_LABELS,
  type VoiceInbox,
  type VoiceMessageRecord,
  type VoiceStoryResult,
} from '@customer-chair/shared/schemas/voice';
import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import type { AppDeps } from '../../deps';
import { editItem } from '../../editing/edit-item';
import { apiError } from '../../http/api-error';
import type { AdminVariables } from '../../middleware/require-admin';
import { bumpContentVersion } from '../../storage/queries/bump-content-version';
import { countDepartmentsInstalls } from '../../storage/queries/count-department-installs';
import { findVoiceMessage } from '../../storage/queries/find-voice-message';
import { getCompanyTimezone } from '../../storage/queries/get-company-timezone';
import { insertAuditEntry } from '../../storage/queries/insert-audit-entry';
import { insertStory } from '../../storage/queries/insert-story';
import { listDepartmentRecords } from '../../storage/queries/list-department-records';
import { listStoryRecords } from '../../storage/queries/list-story-records';
import { listVoiceMessages } from '../../storage/queries/list-voice-messages';
import type { StoredVoiceMessage } from '../../storage/queries/read-voice-row';
import { recordChange } from '../../storage/queries/record-change';
import { updateVoiceMessage, type VoiceMessageChange } from '../../storage/queries/update-voice-message';
import type { Queries } from '../../storage/storage';

type AdminContext = Context<{ Variables: AdminVariables }>;

/** Which departments the inbox may name now: each one's active installs over the last 28 days, and its name. */
type Sizes = { now: Map<string, number>; names: Map<string, string>; minGroupSize: number };

/**
 * `/api/v1/admin/voice` (admins only): the Voice inbox.
 *
 * - `GET /?kind&status&department`: newest first. A message whose department
 *   was small when it came, or is small now, shows `department: null` ("a
 *   small department") and is listed only under `department=small`; a small
 *   department's id is refused as a filter exactly as an unknown one is.
 * - `PUT /:id`: status (with why, when not adopted) and the public reply
 *   ("You said, we did", shown on every new tab from today for `days` days;
 *   `reply: null` takes it down).
 * - `POST /:id/share`: a lesson shared to all departments as a card.
 * - `POST /:id/story`: a customer voice as a draft story (archived until the CX lead publishes it).
 */
export function adminVoiceRoutes(deps: AppDeps) {
  const { storage, clock, config } = deps;
  const minGroupSize = config.minGroupSize;

  /** Read outside any transaction: the install activity is held in memory, behind the storage itself. */
  async function sizes(): Promise<Sizes> {
    const today = localDay(clock.now(), await getCompanyTimezone(storage, config.timezone));
    const now = await countDepartmentsInstalls(storage, addDays(today, -(VOICE_SIZE_DAYS - 1)), today);
    const names = new Map((await listDepartmentRecords(storage)).map((d) => [d.id, d.name]));
    return { now, names, minGroupSize };
  }

  const edit = <B extends { revision: number }>(c: AdminContext, schema: z.ZodType<B>, apply: (tx: Queries, body: B, current: StoredVoiceMessage, now: Date, today: string, known: Sizes) => Promise<Response>) =>
    sizes().then((known) =>
      editItem(c, deps, { schema, entity: 'voice', noun: 'message', id: c.req.param('id')!, find: findVoiceMessage }, async (tx, body, current, now) =>
        apply(tx, body, current, now, localDay(now, await getCompanyTimezone(tx, config.timezone)), known),
      ),
    );

  return new Hono<{ Variables: AdminVariables }>()
    .get('/', async (c) => {
      const query = VoiceInboxQuerySchema.safeParse(c.req.query());
      if (!query.success) return apiError(c, 400, 'invalid_request', 'Use ?kind=customer_said|idea|lesson&status=new|under_review|adopted|not_adopted&department=<id>|small.', toApiIssues(query.error));
      const { kind, status, department } = query.data;
      const known = await sizes();
      const named = [...known.names.keys()].filter((id) => (known.now.get(id) ?? 0) >= minGroupSize);
      if (department !== undefined && department !== SMALL_DEPARTMENT && !named.includes(department)) {
        // The same answer for a small department and for none at all: a filter never tells which is which.
        return apiError(c, 400, 'invalid_request', `Filter by one of the departments the inbox lists, or by "${SMALL_DEPARTMENT}".`, [
          { path: 'department', message: `is not a department the inbox may filter by (one with at least ${minGroupSize} active installs over the last ${VOICE_SIZE_DAYS} days)` },
        ]);
      }
      const { messages, byStatus } = await listVoiceMessages(storage, {
        kind,
        status,
        department: department === undefined ? undefined : department === SMALL_DEPARTMENT ? 'small' : { id: department },
        named: { departments: named, minGroupSize },
        limit: LIMITS.voiceInboxPage,
      });
      return c.json<VoiceInbox>({
        messages: messages.map((message) => asRecord(message, known)),
        matching: status === undefined ? Object.values(byStatus).reduce((n, count) => n + count, 0) : byStatus[status],
        byStatus,
        departments: named.map((id) => ({ id, name: known.names.get(id)! })).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
        minGroupSize,
      });
    })
    .put('/:id', (c) =>
      edit(c, VoiceUpdateSchema, async (tx, update, current, now, today, known) => {
        const next: VoiceMessageChange = { ...current, status: update.status, reason: update.reason ?? null };
        if (update.reply === null) Object.assign(next, { replySaid: null, replyDid: null, replyFrom: null, replyUntil: null });
        else if (update.reply !== undefined) {
          Object.assign(next, { replySaid: update.reply.said, replyDid: update.reply.did, replyFrom: today, replyUntil: addDays(today, update.reply.days - 1) });
        }
        const replyChanged = (['replySaid', 'replyDid', 'replyFrom', 'replyUntil'] as const).some((field) => next[field] !== current[field]);
        const changes = [
          next.status !== current.status && `status ${current.status} → ${next.status}`,
          next.reason !== current.reason && (next.reason === null ? 'reason removed' : 'reason given'),
          replyChanged && (next.replySaid === null ? 'reply taken down' : `reply shown ${next.replyFrom} to ${next.replyUntil}`),
        ].filter((change): change is string => typeof change === 'string');
        // Saving without a change makes no new revision, and extensions have nothing to fetch.
        if (!changes.length) return c.json<VoiceMessageRecord>(asRecord(current, known));
        await updateVoiceMessage(tx, current.id, next, now);
        const audit = { actor: c.var.admin, action: 'answered', entity: 'voice' as const, entityId: current.id, summary: changes.join('; ') };
        // Only a reply is in the content bundle: a status alone gives extensions nothing new to fetch.
        if (replyChanged) await recordChange(tx, audit, now);
        else await insertAuditEntry(tx, audit, now);
        return c.json<VoiceMessageRecord>(asRecord((await findVoiceMessage(tx, current.id))!, known));
      }),
    )
    .post('/:id/share', (c) =>
      edit(c, VoiceShareSchema, async (tx, share, current, now, today, known) => {
        if (current.kind !== 'lesson') return wrongKind(c, current, 'lesson', 'Only a lesson can be shared to all departments as a card');
        const next: VoiceMessageChange = { ...current, sharedSaid: share.said, sharedFrom: today, sharedUntil: addDays(today, share.days - 1) };
        await updateVoiceMessage(tx, current.id, next, now);
        await recordChange(tx, { actor: c.var.admin, action: 'shared', entity: 'voice', entityId: current.id, summary: `shared with all departments ${next.sharedFrom} to ${next.sharedUntil}` }, now);
        return c.json<VoiceMessageRecord>(asRecord((await findVoiceMessage(tx, current.id))!, known));
      }),
    )
    .post('/:id/story', (c) =>
      edit(c, RevisionOnlySchema, async (tx, _body, current, now, _today, known) => {
        if (current.kind !== 'customer_said') return wrongKind(c, current, 'customer_said', 'Only what a customer said can become a story');
        if (current.storyId !== null) {
          return apiError(c, 409, 'conflict', `This message became the story "${current.storyId}" already; edit that story instead. Nothing was saved.`, [
            { path: 'storyId', message: `is "${current.storyId}" already` },
          ]);
        }
        const department = departmentOf(current, known);
        const draft = draftVoiceStory({ text: current.text, departmentName: department?.name ?? null, day: current.day });
        const storyId = makeId(draft.title, new Set((await listStoryRecords(tx)).map((s) => s.id)), 'story');
        await insertStory(tx, { id: storyId, ...draft, tags: [], archived: true }, now);
        await updateVoiceMessage(tx, current.id, { ...current, storyId }, now);
        // The audit names the story, never the words it was made from.
        await insertAuditEntry(tx, { actor: c.var.admin, action: 'created', entity: 'story', entityId: storyId, summary: `archived draft from employee voice message ${current.id}` }, now);
        await recordChange(tx, { actor: c.var.admin, action: 'made a story', entity: 'voice', entityId: current.id, summary: `draft story ${storyId} (archived until published)` }, now);
        return c.json<VoiceStoryResult>({ storyId, message: asRecord((await findVoiceMessage(tx, current.id))!, known) }, 201);
      }),
    );
}

/** 409 naming `kind`: the action is for another kind of message. */
function wrongKind(c: Context, current: StoredVoiceMessage, wanted: StoredVoiceMessage['kind'], what: string): Response {
  return apiError(c, 409, 'conflict', `${what}; this message is “${VOICE_KIND_LABELS[current.kind]}”. Nothing was saved.`, [
    { path: 'kind', message: `is ${current.kind}, not ${wanted}` },
  ]);
}

/** The message's department, or null when the inbox shows it as "a small department" (then, or now, or gone). */
function departmentOf(message: StoredVoiceMessage, known: Sizes): { id: string; name: string } | null {
  const name = known.names.get(message.department);
  const installsNow = name === undefined ? 0 : (known.now.get(message.department) ?? 0);
  if (name === undefined || maskVoiceDepartment(message.departmentInstalls, installsNow, known.minGroupSize)) return null;
  return { id: message.department, name };
}

/** A message as the CX lead sees it: no receipt, and a small department never by id or name. */
function asRecord(message: StoredVoiceMessage, known: Sizes): VoiceMessageRecord {
  return {
    id: message.id,
    kind: message.kind,
    text: message.text,
    department: departmentOf(message, known),
    status: message.status,
    reason: message.reason,
    reply:
      message.replySaid !== null && message.replyDid !== null && message.replyFrom !== null && message.replyUntil !== null
        ? { said: message.replySaid, did: message.replyDid, from: message.replyFrom, until: message.replyUntil }
        : null,
    shared: message.sharedSaid !== null && message.sharedFrom !== null && message.sharedUntil !== null ? { said: message.sharedSaid, from: message.sharedFrom, until: message.sharedUntil } : null,
    storyId: message.storyId,
    submittedAt: message.submittedAt,
    updatedAt: message.updatedAt,
    revision: message.revision,
  };
}
