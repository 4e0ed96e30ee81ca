import { shorten } from '@customer-chair/shared/domain/shorten';
import { LIMITS } from '@customer-chair/shared/schemas/limits';
import { VOICE_STATUS_LABELS, VOICE_STATUSES, type VoiceMessageRecord, type VoiceStatusName, type VoiceUpdate } from '@customer-chair/shared/schemas/voice';
import { useState } from 'preact/hooks';
import { voice } from './api';
import { Alert } from './alert';
import { daysInclusive } from './format';
import { DaysField } from './days-field';
import { TextField } from './text-field';
import { useVoiceSubmit } from './use-voice-submit';
import { BusyButton } from './busy-button';

/** The fields that show the API's issues beside them. */
const SHOWN = ['status', 'reason', 'reply', 'reply.said', 'reply.did', 'reply.days'];

type Props = {
  message: VoiceMessageRecord;
  /** Opened to reply in public: the reply's fields show at once. */
  withReply: boolean;
  onSaved: (record: VoiceMessageRecord) => void;
  onCancel: () => void;
  /** A 409: loads the message as it is now (the form keeps what was typed). */
  onConflict: () => Promise<void>;
};

/** A message's status (with why, when not adopted) and its public "You said, we did" reply. */
export function VoiceReplyForm({ message, withReply, onSaved, onCancel, onConflict }: Props) {
  const at = `voice-${message.id}`;
  const [status, setStatus] = useState<VoiceStatusName>(message.status);
  const [reason, setReason] = useState(message.reason ?? '');
  const [replyOn, setReplyOn] = useState(withReply);
  const [said, setSaid] = useState(message.reply?.said ?? shorten(message.text, LIMITS.voiceSaid));
  const [did, setDid] = useState(message.reply?.did ?? '');
  const [days, setDays] = useState(String(message.reply ? Math.min(LIMITS.voiceCardDaysMax, daysInclusive(message.reply.from, message.reply.until)) : 7));
  const { issues, error, busy, submit } = useVoiceSubmit({ shown: SHOWN, verb: 'save', onSaved, onConflict });

  async function save(e: Event) {
    e.preventDefault();
    const update: VoiceUpdate = {
      revision: message.revision,
      status,
      // The reason belongs to "not adopted" only; the server says so when it is missing.
      ...(status === 'not_adopted' && reason.trim() ? { reason } : {}),
      // Without a change to the reply, the one up (if any) stays as it is.
      ...(replyOn ? { reply: { said, did, days: Number.parseInt(days, 10) } } : {}),
    };
    await submit(() => voice.update(message.id, update));
  }

  return (
    <form class="voice-form stack" aria-label="Answer this message" noValidate onSubmit={save}>
      <div class="row">
        <div class="field">
          <label for={`${at}-status`}>Status</label>
          <select id={`${at}-status`} value={status} aria-invalid={issues.status ? true : undefined} onChange={(e) => setStatus(e.currentTarget.value as VoiceStatusName)}>
            {VOICE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {VOICE_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          {issues.status && <p class="error">{issues.status}</p>}
        </div>
      </div>
      {status === 'not_adopted' && (
        <TextField
          id={`${at}-reason`}
          label="Why not?"
          value={reason}
          onInput={setReason}
          max={LIMITS.voiceReason}
          multiline
          rows={3}
          required
          hint="The sender sees this with the status."
          error={issues.reason}
        />
      )}
      <fieldset class="voice-reply-fields">
        <legend class="visually-hidden">Public reply</legend>
        <label class="check">
          <input type="checkbox" checked={replyOn} onChange={(e) => setReplyOn(e.currentTarget.checked)} />
          {message.reply ? 'Change the public reply (You said, we did)' : 'Reply in public (You said, we did)'}
        </label>
        {replyOn && (
          <div class="voice-reply-inputs">
            <TextField id={`${at}-said`} label="You said" value={said} onInput={setSaid} max={LIMITS.voiceSaid} multiline rows={3} required hint="Quoted on the card; shorten it or take out anything that names a person." error={issues['reply.said']} />
            <TextField id={`${at}-did`} label="We did" value={did} onInput={setDid} max={LIMITS.voiceReply} multiline rows={3} required error={issues['reply.did']} />
            <DaysField id={`${at}-days`} value={days} onInput={setDays} error={issues['reply.days']} />
          </div>
        )}
        {issues.reply && <p class="error">{issues.reply}</p>}
      </fieldset>
      {error && <Alert message={error} />}
      <div class="form-actions">
        <BusyButton type="submit" class="primary" busy={busy}>
          Save
        </BusyButton>
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
