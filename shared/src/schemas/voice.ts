import { z } from 'zod';
import { IdSchema, IsoDateSchema, UtcInstantSchema } from './common';
import { LIMITS } from './limits';
import { optionalPlainText, plainText } from './plain-text';
import { RevisionSchema } from './revision';

/*
 * The employees' voice (issue 18): what a customer told them, an idea for
 * customers, or a lesson from something that did not work. Sent from the
 * extension with the sender's department and nothing else that could name
 * them; answered by the CX team, in public when they choose.
 */

export const VOICE_KINDS = ['customer_said', 'idea', 'lesson'] as const;
export const VoiceKindSchema = z.enum(VOICE_KINDS);
export type VoiceKind = z.infer<typeof VoiceKindSchema>;

/** The form's three questions, as the extension and the inbox word them. */
export const VOICE_KIND_LABELS: Record<VoiceKind, string> = {
  customer_said: 'What did a customer tell you?',
  idea: 'An idea for our customers',
  lesson: 'A lesson: something we tried that did not work',
};

export const VOICE_STATUSES = ['new', 'under_review', 'adopted', 'not_adopted'] as const;
export const VoiceStatusNameSchema = z.enum(VOICE_STATUSES);
export type VoiceStatusName = z.infer<typeof VoiceStatusNameSchema>;

export const VOICE_STATUS_LABELS: Record<VoiceStatusName, string> = {
  new: 'New',
  under_review: 'Under review',
  adopted: 'Adopted',
  not_adopted: 'Not adopted',
};

/**
 * `POST /api/v1/voice` (enrollment key). `senderKey` is a random id the
 * extension makes for this form alone (never the install id, so a message
 * cannot be joined to usage events): the server keeps only a hash of it with
 * the day, for the per-browser daily limit, and forgets it the next day.
 */
export const VoiceDraftSchema = z.strictObject({
  senderKey: z.uuid(),
  kind: VoiceKindSchema,
  department: IdSchema,
  text: plainText(LIMITS.voiceText),
});
export type VoiceDraft = z.infer<typeof VoiceDraftSchema>;

/** 201: the receipt is shown once; the server keeps only its hash. */
export const VoiceReceiptSchema = z.object({ messageId: IdSchema, receipt: z.string().min(32) });
export type VoiceReceipt = z.infer<typeof VoiceReceiptSchema>;

/** A public card, as the content bundle carries it to every new tab. */
export const VoiceCardSchema = z.object({
  /** `reply-<message id>` or `lesson-<message id>`. */
  id: z.string().min(1).max(80),
  kind: z.enum(['reply', 'lesson']),
  /** reply: what was said ("You said"); lesson: the lesson as shared. */
  said: z.string().min(1).max(LIMITS.voiceSaid),
  /** reply only: what the CX team did ("We did"). */
  did: z.string().min(1).max(LIMITS.voiceReply).optional(),
  /** The message's kind, for the card's wording. */
  messageKind: VoiceKindSchema,
  from: IsoDateSchema,
  until: IsoDateSchema,
});
export type VoiceCard = z.infer<typeof VoiceCardSchema>;

/** `GET /api/v1/voice/:id` with `X-Voice-Receipt`: what the sender's browser shows. */
export const VoiceStatusSchema = z.object({
  messageId: IdSchema,
  kind: VoiceKindSchema,
  status: VoiceStatusNameSchema,
  submittedAt: UtcInstantSchema,
  /** not_adopted: why. */
  reason: z.string().nullable(),
  /** The public reply, once there is one (even after its card stopped showing). */
  reply: z.object({ said: z.string(), did: z.string(), from: IsoDateSchema, until: IsoDateSchema }).nullable(),
  /** A lesson shared to all departments as a card. */
  shared: z.object({ from: IsoDateSchema, until: IsoDateSchema }).nullable(),
  /** A customer voice turned into a story (a draft until the CX team publishes it). */
  becameStory: z.boolean(),
});
export type VoiceStatus = z.infer<typeof VoiceStatusSchema>;

/** The inbox's "a small department": a message whose department had fewer than MIN_GROUP_SIZE active installs. */
export const SMALL_DEPARTMENT = 'small' as const;

/** `GET /api/v1/admin/voice?kind=&status=&department=` (department: an id, or "small"). */
export const VoiceInboxQuerySchema = z.strictObject({
  kind: VoiceKindSchema.optional(),
  status: VoiceStatusNameSchema.optional(),
  department: z.union([IdSchema, z.literal(SMALL_DEPARTMENT)]).optional(),
});
export type VoiceInboxQuery = z.infer<typeof VoiceInboxQuerySchema>;

/** One message as the CX lead sees it. */
export const VoiceMessageRecordSchema = z.object({
  id: IdSchema,
  kind: VoiceKindSchema,
  text: z.string(),
  /** The department, or null: "a small department" (fewer than MIN_GROUP_SIZE active installs when sent, or now). */
  department: z.object({ id: IdSchema, name: z.string() }).nullable(),
  status: VoiceStatusNameSchema,
  reason: z.string().nullable(),
  reply: VoiceStatusSchema.shape.reply,
  shared: z.object({ said: z.string(), from: IsoDateSchema, until: IsoDateSchema }).nullable(),
  storyId: IdSchema.nullable(),
  submittedAt: UtcInstantSchema,
  updatedAt: UtcInstantSchema,
  revision: RevisionSchema,
});
export type VoiceMessageRecord = z.infer<typeof VoiceMessageRecordSchema>;

export const VoiceInboxSchema = z.object({
  messages: z.array(VoiceMessageRecordSchema),
  /** Messages matching the filters (the list holds the newest LIMITS.voiceInboxPage). */
  matching: z.number().int().nonnegative(),
  /** Per status, with the kind and department filters applied: the inbox's tabs. */
  byStatus: z.record(VoiceStatusNameSchema, z.number().int().nonnegative()),
  /** The departments a message may be filtered by (never a small one). */
  departments: z.array(z.object({ id: IdSchema, name: z.string() })),
  minGroupSize: z.number().int().positive(),
});
export type VoiceInbox = z.infer<typeof VoiceInboxSchema>;

const cardDays = z.number({ message: 'must be a number of days' }).int().min(1).max(LIMITS.voiceCardDaysMax, `must be at most ${LIMITS.voiceCardDaysMax} days`);

/**
 * `PUT /api/v1/admin/voice/:id`: the status (with why, when not adopted)
 * and, optionally, a public reply shown on every new tab for `days` days
 * from today. `reply: null` takes a reply down.
 */
export const VoiceUpdateSchema = z
  .strictObject({
    revision: RevisionSchema,
    status: VoiceStatusNameSchema,
    reason: optionalPlainText(LIMITS.voiceReason),
    reply: z
      .strictObject({
        said: plainText(LIMITS.voiceSaid),
        did: plainText(LIMITS.voiceReply),
        days: cardDays,
      })
      .nullable()
      .optional(),
  })
  .superRefine((update, ctx) => {
    if (update.status === 'not_adopted' && update.reason === undefined) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required when a suggestion is not adopted: say why' });
    }
  });
export type VoiceUpdate = z.infer<typeof VoiceUpdateSchema>;

/** `POST /api/v1/admin/voice/:id/share`: a lesson shown to all departments as a card for `days` days from today. */
export const VoiceShareSchema = z.strictObject({ revision: RevisionSchema, said: plainText(LIMITS.voiceSaid), days: cardDays });
export type VoiceShare = z.infer<typeof VoiceShareSchema>;

/** `POST /api/v1/admin/voice/:id/story` ({ revision }): a customer voice as a draft story (archived until published). */
export const VoiceStoryResultSchema = z.object({ storyId: IdSchema, message: VoiceMessageRecordSchema });
export type VoiceStoryResult = z.infer<typeof VoiceStoryResultSchema>;
