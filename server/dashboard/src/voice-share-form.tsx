import { shorten } from '@customer-chair/shared/domain/shorten';
import { LIMITS } from '@customer-chair/shared/schemas/limits';
import type { VoiceMessageRecord } from '@customer-chair/shared/schemas/voice';
import { useState } from 'preact/hooks';
import { voice } from './api';
import { Alert } from './alert';
import { daysInclusive } from './format';
import { TextField } from './text-field';
import { DaysField } from './days-field';
import { useVoiceSubmit } from './use-voice-submit';
import { BusyButton } from './busy-button';

/** The fields that show the API's issues beside them. */
const SHOWN = ['said', 'days'];

type Props = {
  message: VoiceMessageRecord;
  onSaved: (record: VoiceMessageRecord) => void;
  onCancel: () => void;
  onConflict: () => Promise<void>;
};

/** A lesson shared with all departments: a card on every new tab for the days chosen. */
export function VoiceShareForm({ message, onSaved, onCancel, onConflict }: Props) {
  const at = `voice-${message.id}-share`;
  const [said, setSaid] = useState(message.shared?.said ?? shorten(message.text, LIMITS.voiceSaid));
  const [days, setDays] = useState(String(message.shared ? Math.min(LIMITS.voiceCardDaysMax, daysInclusive(message.shared.from, message.shared.until)) : 7));
  const { issues, error, busy, submit } = useVoiceSubmit({ shown: SHOWN, verb: 'share', onSaved, onConflict });

  async function share(e: Event) {
    e.preventDefault();
    await submit(() => voice.share(message.id, { revision: message.revision, said, days: Number.parseInt(days, 10) }));
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
        <BusyButton type="submit" class="primary" busy={busy}>
          Share with all departments
        </BusyButton>
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
