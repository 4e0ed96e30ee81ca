import { shorten } from '@customer-chair/shared/domain/shorten';
import type { ApiIssue } from '@customer-chair/shared/schemas/api-error';
import { LIMITS } from '@customer-chair/shared/schemas/limits';
import { VOICE_STATUS_LABELS, VOICE_STATUSES, type VoiceMessageRecord, type VoiceStatusName, type VoiceUpdate } from '@customer-chair/shared/schemas/voice';
import { useState } from 'preact/hooks';
import { ApiFailure, failureMessage, isConflict, voice } from './api';
import { Alert } from './alert';
import { daysInclusive } from './format';
import { TextField } from './text-field';

/** The API's issues by their full path ("reply.said"), to show each beside its field. */
export function issuesByPath(issues: ApiIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[issue.path] = out[issue.path] ? `${out[issue.path]}; ${issue.message}` : issue.message;
  return out;
}

export const CONFLICT_NOTE = 'Someone else changed this message since you opened it, so nothing was saved. Its current version is shown above.';

/** "Show on every new tab for [7] days": a number field inside its sentence. */
export function DaysField({ id, value, onInput, error }: { id: string; value: string; onInput: (value: string) => void; error: string | undefined }) {
  return (
    <div class="field days-field">
      <label for={id}>
        Show on every new tab for{' '}
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={1}
          max={LIMITS.voiceCardDaysMax}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          onInput={(e) => onInput(e.currentTarget.value)}
        />{' '}
        days
      </label>
      {error ? (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      ) : (
        <p class="hint" id={`${id}-hint`}>
          From today, 1 to {LIMITS.voiceCardDaysMax} days.
        </p>
      )}
    </div>
  );
}

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
  onExpired: () => void;
};

/** A message's status (with why, when not adopted) and its public "You said, we did" reply. */
export function VoiceReplyForm({ message, withReply, onSaved, onCancel, onConflict, onExpired }: Props) {
  const at = `voice-${message.id}`;
  const [status, setStatus] = useState<VoiceStatusName>(message.status);
  const [reason, setReason] = useState(message.reason ?? '');
  const [replyOn, setReplyOn] = useState(withReply);
  const [said, setSaid] = useState(message.reply?.said ?? shorten(message.text, LIMITS.voiceSaid));
  const [did, setDid] = useState(message.reply?.did ?? '');
  const [days, setDays] = useState(String(message.reply ? Math.min(LIMITS.voiceCardDaysMax, daysInclusive(message.reply.from, message.reply.until)) : 7));
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    const update: VoiceUpdate = {
      revision: message.revision,
      status,
      // The reason belongs to "not adopted" only; the server says so when it is missing.
      ...(status === 'not_adopted' && reason.trim() ? { reason } : {}),
      // Without a change to the reply, the one up (if any) stays as it is.
      ...(replyOn ? { reply: { said, did, days: Number.parseInt(days, 10) } } : {}),
    };
    try {
      const record = await voice.update(message.id, update);
      setIssues({});
      setError(undefined);
      onSaved(record);
    } catch (failure) {
      const text = failureMessage(failure, onExpired);
      if (isConflict(failure)) {
        setIssues({});
        await onConflict().catch(() => undefined);
        setError(`${CONFLICT_NOTE} What you typed is still here: save again to apply it.`);
      } else {
        const issues = failure instanceof ApiFailure ? issuesByPath(failure.issues) : {};
        setIssues(issues);
        // Each issue is said beside its field: the alert need not repeat them in the API's dotted paths.
        const beside = Object.keys(issues).length > 0 && Object.keys(issues).every((path) => SHOWN.includes(path));
        if (beside) setError('Nothing was saved: correct what is marked above, then save again.');
        else setError(/nothing was saved/i.test(text) ? text : `${text} Nothing was saved.`);
      }
    } finally {
      setBusy(false);
    }
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
        <button type="submit" class="primary" disabled={busy}>
          Save
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
