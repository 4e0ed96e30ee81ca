import { addDays, localDay, startOfLocalDay } from '@customer-chair/shared/domain/local-day';
import { VOICE_SIZE_DAYS } from '@customer-chair/shared/domain/mask-voice-department';
import { LIMITS } from '@customer-chair/shared/schemas/limits';
import { VoiceDraftSchema, type VoiceReceipt, type VoiceStatus } from '@customer-chair/shared/schemas/voice';
import { Hono, type Context } from 'hono';
import { newReceipt, newVoiceId, receiptMatches, voiceQuotaKey } from '../auth/receipts';
import type { AppDeps } from '../deps';
import { apiError, invalidRequest } from '../http/api-error';
import { readJson } from '../http/read-json';
import { requestHeader } from '../http/request-header';
import { limitBody } from '../middleware/limit-body';
import { tooMany } from '../middleware/rate-limit';
import { countDepartmentInstalls } from '../storage/queries/count-department-installs';
import { findVoiceMessage } from '../storage/queries/find-voice-message';
import { getCompanyTimezone } from '../storage/queries/get-company-timezone';
import { insertVoiceMessage } from '../storage/queries/insert-voice-message';
import { listDepartmentRecords } from '../storage/queries/list-department-records';
import { pruneVoiceQuota } from '../storage/queries/prune-voice-quota';
import { takeVoiceQuota } from '../storage/queries/take-voice-quota';

/** The extension's voice paths, which the app puts behind the extensions' CORS and the enrollment key, never cached. */
export const VOICE_PATHS = ['/api/v1/voice', '/api/v1/voice/:id'] as const;

/**
 * `/api/v1/voice`: the employees' voice form in the extension (the
 * enrollment key and the extensions' CORS are put in front by the app).
 *
 * - `POST /`: a message (VoiceDraft: kind, department, text, and the form's
 *   random sender key) → 201 { messageId, receipt }. Nothing else is kept
 *   of the sender: the department, how many active installs it had over the
 *   last 28 days (so the inbox can mask a small one for good), and for the
 *   day only sha256(day + sender key), for the daily limit (429 past it,
 *   until the company's midnight).
 * - `GET /:id` with `X-Voice-Receipt`: the status, the reason, the public
 *   reply. A wrong or missing receipt gets exactly the answer an unknown id gets.
 */
export function voiceRoutes({ storage, clock, config }: AppDeps) {
  return new Hono()
    .post('/', limitBody(LIMITS.voiceBodyBytes, `a message is at most ${LIMITS.voiceText} characters; shorten it.`), async (c) => {
      const draft = await readJson(c, VoiceDraftSchema);
      if (draft instanceof Response) return draft;
      const now = clock.now();
      const timezone = await getCompanyTimezone(storage, config.timezone);
      const today = localDay(now, timezone);
      if (!(await listDepartmentRecords(storage, draft.department)).length) {
        return invalidRequest(c, [{ path: 'department', message: `is not a department of the company ("${draft.department}")` }]);
      }
      const departmentInstalls = await countDepartmentInstalls(storage, draft.department, addDays(today, -(VOICE_SIZE_DAYS - 1)), today);
      const id = newVoiceId();
      const { receipt, receiptHash } = newReceipt();
      // The count and the message are one step: a refused message counts nothing, and a counted one is stored.
      const taken = await storage.transaction(async (tx) => {
        if (!(await takeVoiceQuota(tx, voiceQuotaKey(today, draft.senderKey), today, LIMITS.voicePerInstallPerDay))) return false;
        await pruneVoiceQuota(tx, today);
        await insertVoiceMessage(tx, { id, kind: draft.kind, text: draft.text, department: draft.department, departmentInstalls, receiptHash, submittedAt: now.toISOString(), day: today });
        return true;
      }, { retry: true });
      if (!taken) {
        const untilMidnight = Math.max(1, Math.ceil((startOfLocalDay(addDays(today, 1), timezone) - now.getTime()) / 1000));
        return tooMany(c, untilMidnight, `This browser has sent ${LIMITS.voicePerInstallPerDay} messages today, the most one browser may send in a day; nothing was saved. Keep it for tomorrow (from midnight, ${timezone}).`);
      }
      return c.json<VoiceReceipt>({ messageId: id, receipt }, 201);
    })
    .get('/:id', async (c) => {
      const message = await findVoiceMessage(storage, c.req.param('id'));
      // Compared even when there is no such message, so that neither the answer nor its time tells the two apart.
      if (!receiptMatches(requestHeader(c, 'x-voice-receipt'), message?.receiptHash) || !message) return noSuchMessage(c);
      return c.json<VoiceStatus>({
        messageId: message.id,
        kind: message.kind,
        status: message.status,
        submittedAt: message.submittedAt,
        reason: message.reason,
        reply:
          message.replySaid !== null && message.replyDid !== null && message.replyFrom !== null && message.replyUntil !== null
            ? { said: message.replySaid, did: message.replyDid, from: message.replyFrom, until: message.replyUntil }
            : null,
        shared: message.sharedFrom !== null && message.sharedUntil !== null ? { from: message.sharedFrom, until: message.sharedUntil } : null,
        becameStory: message.storyId !== null,
      });
    });
}

/** The same answer for an unknown id and for a wrong or missing receipt. */
function noSuchMessage(c: Context): Response {
  return apiError(c, 404, 'not_found', 'There is no message with this id and receipt; send the message id and its receipt (X-Voice-Receipt) as the server gave them.');
}
