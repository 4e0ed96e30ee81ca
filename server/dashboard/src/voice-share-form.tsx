import { shorten } from '@customer-chair/shared/domain/shorten';
import { LIMITS } from '@customer-chair/shared/schemas/limits';
import type { VoiceMessageRecord } from '@customer-chair/shared/schemas/voice';
import { useState } from 'preact/hooks';
import { ApiFailure, failureMessage, isConflict, voice } from './api';
import { Alert } from './alert';
import { daysInclusive } from './format';
import { TextField } from './text-field';
import { CONFLICT_NOTE, DaysField, issuesByPath } from './voice-reply-form';

/** The fields that show the API's issues beside them. */
const SHOWN = ['said', 'days'];

type Props = {
  message: VoiceMessageRecord;
  onSaved: (record: VoiceMessageRecord) => void;
  onCancel: () => void;
  onConflict: () => Promise<void>;
  onExpired: () => void;
};

/** A lesson shared with all departments: a card on every new tab for the days chosen. */
export function VoiceShareForm({ message, onSaved, onCancel, onConflict, onExpired }: Props) {
  const at = `voice-${message.id}-share`;
  const [said, setSaid] = useState(message.shared?.said ?? shorten(message.text, LIMITS.voiceSaid));
  const [days, setDays] = useState(String(message.shared ? Math.min(LIMITS.voiceCardDaysMax, daysInclusive(message.shared.from, message.shared.until)) : 7));
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function share(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      const record = await voice.share(message.id, { revision: message.revision, said, days: Number.parseInt(days, 10) });
      setIssues({});
      setError(undefined);
      onSaved(record);
    } catch (failure) {
      const text = failureMessage(failure, onExpired);
      if (isConflict(failure)) {
        setIssues({});
        await onConflict().catch(() => undefined);
        setError(`${CONFLICT_NOTE} What you typed is still here: share again to apply it.`);
      } else {
        const issues = failure instanceof ApiFailure ? issuesByPath(failure.issues) : {};
        setIssues(issues);
        // Each issue is said beside its field: the alert need not repeat them in the API's dotted paths.
        const beside = Object.keys(issues).length > 0 && Object.keys(issues).every((path) => SHOWN.includes(path));
        if (beside) setError('Nothing was saved: correct what is marked above, then save again.');
        else setError(/nothing was saved/i.test(text) ? text : `${text} Nothing was shared.`);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="voice-form stack" aria-label="Share this lesson" noValidate onSubmit={share}>
      <TextField
        id={`${at}-said`}
        label="The lesson, as every department will read it"
        value={said}
        onInput={setSaid}
        max={LIMITS.voiceSaid}
        multiline
        rows={3}
        required
        hint="Take out anything that names a person or a customer’s private details."
        error={issues.said}
      />
      <DaysField id={`${at}-days`} value={days} onInput={setDays} error={issues.days} />
      {error && <Alert message={error} />}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy}>
          Share with all departments
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
