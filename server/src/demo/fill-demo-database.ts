import { demoUsage } from '@customer-chair/shared/demo/demo-usage';
import { demoVoice } from '@customer-chair/shared/demo/demo-voice';
import { addDays, localDay, startOfLocalDay } from '@customer-chair/shared/domain/local-day';
import { VOICE_SIZE_DAYS } from '@customer-chair/shared/domain/mask-voice-department';
import type { UsageEvent } from '@customer-chair/shared/schemas/usage-event';
import { newReceipt, newVoiceId } from '../auth/receipts';
import { bumpContentVersion } from '../storage/queries/bump-content-version';
import { countDepartmentInstalls } from '../storage/queries/count-department-installs';
import { getCompanyTimezone } from '../storage/queries/get-company-timezone';
import { hasUsage } from '../storage/queries/has-usage';
import { insertEvents } from '../storage/queries/insert-events';
import { insertVoiceMessage } from '../storage/queries/insert-voice-message';
import { isDemoDatabase } from '../storage/queries/is-demo-database';
import { loadContentBundle } from '../storage/queries/load-content-bundle';
import { updateVoiceMessage } from '../storage/queries/update-voice-message';
import type { Storage } from '../storage/storage';

/** The demo's days of usage, ending yesterday (from the Monday on or before the first: up to 96 days). */
export const DEMO_DAYS = 90;
/** The same seed, the same company: the demo looks the same every time it is made on the same day. */
export const DEMO_SEED = 20;

/** Why generated usage was not written: the database is not the demo's, or already holds usage. */
export class DemoRefusedError extends Error {}

export type FilledDemo = { events: number; installs: number; voiceMessages: number; firstDay: string; lastDay: string; holiday: string; ms: number };

/**
 * Fills the demo database with DEMO_DAYS of generated usage ending yesterday
 * (company-local), through the server's own ingest (insertEvents: the raw
 * events, every roll-up and the in-memory caches, as the extensions' batches
 * would have written them, each day's batch arriving that day), and the
 * employees' voice messages with what the CX team made of them. The content
 * and the recognition round are bootstrap's. Refuses (DemoRefusedError,
 * writing nothing) a database that is not marked as the demo's
 * (markDemoDatabase) or already holds usage: real figures are never mixed
 * with invented ones.
 */
export async function fillDemoDatabase(storage: Storage, options: { timezone: string; now: Date; seed?: number; days?: number }): Promise<FilledDemo> {
  const started = performance.now();
  if (!(await isDemoDatabase(storage))) {
    throw new DemoRefusedError('This database is not marked as a demo database: generated usage is written only into the database `pnpm demo` made for itself, never into one a company uses.');
  }
  if (await hasUsage(storage)) {
    throw new DemoRefusedError('This demo database already holds usage: generated usage is written only once, into an empty one. Delete the demo database file to make it again.');
  }
  const timezone = await getCompanyTimezone(storage, options.timezone);
  const content = await loadContentBundle(storage, timezone);
  if (!content) throw new DemoRefusedError('This demo database has no content yet: start it once so that it is seeded, then fill it.');
  const today = localDay(options.now, timezone);
  const lastDay = addDays(today, -1);
  const usage = demoUsage({ content, lastDay, days: options.days ?? DEMO_DAYS, timezone, seed: options.seed ?? DEMO_SEED });

  // One batch per day, arriving a second after its last event: each event counts on its own day, each install is new on its first.
  let batch: UsageEvent[] = [];
  const send = async () => {
    if (!batch.length) return;
    await insertEvents(storage, batch, timezone, new Date(Date.parse(batch[batch.length - 1]!.at) + 1000));
    batch = [];
  };
  let day = '';
  for (const event of usage.events) {
    const eventDay = localDay(new Date(event.at), timezone);
    if (eventDay !== day) {
      await send();
      day = eventDay;
    }
    batch.push(event);
  }
  await send();

  // The voice inbox: each message as the form would have stored it that afternoon, then the CX team's answer.
  const messages = demoVoice(today);
  for (const message of messages) {
    const submittedAt = new Date(startOfLocalDay(message.day, timezone) + 14 * 3_600_000).toISOString();
    const id = newVoiceId();
    const departmentInstalls = await countDepartmentInstalls(storage, message.department, addDays(message.day, -(VOICE_SIZE_DAYS - 1)), message.day);
    await insertVoiceMessage(storage, { id, kind: message.kind, text: message.text, department: message.department, departmentInstalls, receiptHash: newReceipt().receiptHash, submittedAt, day: message.day });
    if (message.status === 'new') continue;
    const answeredOn = message.reply?.from ?? message.shared?.from ?? addDays(message.day, 2);
    await updateVoiceMessage(
      storage,
      id,
      {
        status: message.status,
        reason: message.reason ?? null,
        replySaid: message.reply?.said ?? null,
        replyDid: message.reply?.did ?? null,
        replyFrom: message.reply?.from ?? null,
        replyUntil: message.reply?.until ?? null,
        sharedSaid: message.shared?.said ?? null,
        sharedFrom: message.shared?.from ?? null,
        sharedUntil: message.shared?.until ?? null,
        storyId: null,
      },
      new Date(Math.min(options.now.getTime(), startOfLocalDay(answeredOn, timezone) + 11 * 3_600_000)),
    );
  }
  // The replies and lessons are in the content bundle: a new version, so an extension that synced before fetches them.
  await bumpContentVersion(storage, options.now);

  return {
    events: usage.events.length,
    installs: usage.installs,
    voiceMessages: messages.length,
    firstDay: usage.firstDay,
    lastDay,
    holiday: usage.holiday,
    ms: Math.round(performance.now() - started),
  };
}
