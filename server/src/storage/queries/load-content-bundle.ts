import type { ContentBundle } from '@customer-chair/shared/schemas/content-bundle';
import type { Department } from '@customer-chair/shared/schemas/department';
import type { Prompt } from '@customer-chair/shared/schemas/prompt';
import type { Role } from '@customer-chair/shared/schemas/role';
import type { RoleAction } from '@customer-chair/shared/schemas/role-action';
import type { VoiceCard, VoiceKind } from '@customer-chair/shared/schemas/voice';
import { localDay } from '@customer-chair/shared/domain/local-day';
import { sql } from '../sql';
import type { Queries } from '../storage';
import { getCompanyTimezone } from './get-company-timezone';
import { getContentVersion } from './get-content-version';
import { readStoryRow, type StoryRow } from './read-story-row';

/** Reads after which a bundle that kept changing under the reader is read under the content lock instead. */
const OPTIMISTIC_READS = 3;

/** Public cards the bundle carries at most (ContentBundleSchema). */
const VOICE_CARDS_MAX = 200;

type VoiceCardRow = {
  id: string;
  kind: VoiceKind;
  replySaid: string | null;
  replyDid: string | null;
  replyFrom: string | null;
  replyUntil: string | null;
  sharedSaid: string | null;
  sharedFrom: string | null;
  sharedUntil: string | null;
};

/**
 * The "You said, we did" replies and shared lessons still to be shown on
 * or after `since` (those yet to start included: the extension picks by
 * day), newest first.
 */
function voiceCards(rows: VoiceCardRow[], since: string): VoiceCard[] {
  const cards: VoiceCard[] = [];
  for (const row of rows) {
    if (row.replySaid !== null && row.replyDid !== null && row.replyFrom !== null && row.replyUntil !== null && row.replyUntil >= since) {
      cards.push({ id: `reply-${row.id}`, kind: 'reply', said: row.replySaid, did: row.replyDid, messageKind: row.kind, from: row.replyFrom, until: row.replyUntil });
    }
    if (row.sharedSaid !== null && row.sharedFrom !== null && row.sharedUntil !== null && row.sharedUntil >= since) {
      cards.push({ id: `lesson-${row.id}`, kind: 'lesson', said: row.sharedSaid, messageKind: row.kind, from: row.sharedFrom, until: row.sharedUntil });
    }
  }
  return cards.sort((a, b) => b.from.localeCompare(a.from) || a.id.localeCompare(b.id)).slice(0, VOICE_CARDS_MAX);
}

// One after another: a transaction's handle is one connection, which runs one query at a time.
async function readTables(q: Queries, configuredTimezone: string, versionMadeAt: string) {
  const timezone = await getCompanyTimezone(q, configuredTimezone);
  const stories = await q.all<StoryRow>(sql`SELECT * FROM stories ORDER BY position, id`);
  const prompts = await q.all<Prompt>(sql`SELECT id, text, place AS "where" FROM prompts ORDER BY position, id`);
  const actions = await q.all<RoleAction>(sql`SELECT id, role, text FROM role_actions ORDER BY position, id`);
  const roles = await q.all<Role>(sql`SELECT id, name FROM roles ORDER BY position, id`);
  const departments = await q.all<{ id: string; name: string; headcount: number | null }>(sql`SELECT id, name, headcount FROM departments ORDER BY position, id`);
  const schedule = await q.all<{ day: string; story_id: string }>(sql`SELECT day, story_id FROM schedule ORDER BY day`);
  // Cards still showing on the day this version was made: what the bundle carries depends on the database alone, so a
  // version names one body on every instance and every day (a card that ends later stays until the next version; the
  // extension shows each only from..until).
  const since = localDay(new Date(versionMadeAt), timezone);
  const cards = await q.all<VoiceCardRow>(
    sql`SELECT id, kind, reply_said AS "replySaid", reply_did AS "replyDid", reply_from AS "replyFrom", reply_until AS "replyUntil",
          shared_said AS "sharedSaid", shared_from AS "sharedFrom", shared_until AS "sharedUntil"
        FROM voice_messages WHERE reply_until >= ${since} OR shared_until >= ${since}
        ORDER BY submitted_at DESC, id LIMIT ${VOICE_CARDS_MAX}`,
  );
  return {
    timezone,
    stories: stories.map(readStoryRow),
    prompts,
    actions,
    roles,
    departments: departments.map(({ headcount, ...rest }): Department => (headcount === null ? rest : { ...rest, headcount })),
    schedule: Object.fromEntries(schedule.map((row) => [row.day, row.story_id])),
    voiceCards: voiceCards(cards, since),
  };
}

/**
 * The whole content as the extension gets it, in the company's time zone
 * (the one set in the dashboard, else `configuredTimezone`, the server's
 * TIMEZONE); undefined before any content exists.
 *
 * The tables are read by several statements, between which another request
 * (or, on PostgreSQL, another instance) may commit an edit: the version is
 * read before and after, and the bundle read again when it moved, so a
 * bundle never mixes two versions under one version number. Edits are made
 * by people, so a second read almost always settles it; should the content
 * keep changing, the bundle is read under the content lock that every edit
 * takes.
 */
export async function loadContentBundle(q: Queries, configuredTimezone: string): Promise<ContentBundle | undefined> {
  for (let attempt = 1; ; attempt++) {
    const locked = attempt > OPTIMISTIC_READS;
    const read = async (r: Queries) => {
      const meta = await getContentVersion(r);
      if (!meta) return { meta };
      const tables = await readTables(r, configuredTimezone, meta.updatedAt);
      return { meta, tables, settled: locked || (await getContentVersion(r))?.version === meta.version };
    };
    const { meta, tables, settled } = locked ? await q.transaction(read, { lock: 'content' }) : await read(q);
    if (!meta) return undefined;
    if (settled) return { version: meta.version, generatedAt: meta.updatedAt, ...tables! };
  }
}
