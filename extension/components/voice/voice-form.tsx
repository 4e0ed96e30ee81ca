import { LIMITS } from '@customer-chair/shared/schemas/limits';
import { VOICE_KIND_LABELS, VOICE_KINDS, type VoiceKind } from '@customer-chair/shared/schemas/voice';

/** What is wrong with a field, from the last Send (ours or the server's). */
export type VoiceErrors = Partial<Record<'kind' | 'text' | 'department', string>>;

type Props = {
  kind?: VoiceKind;
  text: string;
  /** The department's name, as it will be sent; undefined when none is chosen yet. */
  departmentName?: string;
  errors: VoiceErrors;
  sending: boolean;
  outcome?: { text: string; error?: boolean };
  onKind: (kind: VoiceKind) => void;
  onText: (text: string) => void;
  onSend: () => void;
  onOpenSettings: () => void;
};

export const PRIVACY_WARNING = 'Do not name colleagues, and leave out customers’ private details (names, e-mails, account or order numbers, health or payment data).';

/** The voice form: what it is about, the text (bounded, with what is left), what is sent with it, Send. */
export function VoiceForm({ kind, text, departmentName, errors, sending, outcome, onKind, onText, onSend, onOpenSettings }: Props) {
  const left = LIMITS.voiceText - text.length;
  const textDescribed = ['voice-text-warning', 'voice-text-left', errors.text && 'voice-text-error'].filter(Boolean).join(' ');
  return (
    <form
      class="voice-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSend();
      }}
    >
      <fieldset class={errors.kind ? 'kinds invalid' : 'kinds'} aria-describedby={errors.kind ? 'voice-kind-error' : undefined}>
        <legend>What is it about?</legend>
        {VOICE_KINDS.map((k) => (
          <label key={k} class={k === kind ? 'kind chosen' : 'kind'}>
            <input type="radio" name="voice-kind" value={k} checked={k === kind} onChange={() => onKind(k)} aria-invalid={errors.kind ? true : undefined} />
            {VOICE_KIND_LABELS[k]}
          </label>
        ))}
        {errors.kind && (
          <p class="field-error" id="voice-kind-error">
            {errors.kind}
          </p>
        )}
      </fieldset>
      <div class={errors.text ? 'field invalid' : 'field'}>
        <label for="voice-text">What you want to tell the CX team</label>
        <p class="notice" id="voice-text-warning">
          {PRIVACY_WARNING}
        </p>
        <textarea
          id="voice-text"
          rows={7}
          value={text}
          maxLength={LIMITS.voiceText}
          aria-describedby={textDescribed}
          aria-invalid={errors.text ? true : undefined}
          onInput={(e) => onText(e.currentTarget.value)}
        />
        <p class={left <= LIMITS.voiceText / 10 ? 'left few' : 'left'} id="voice-text-left">
          {left === 1 ? '1 character left' : `${left.toLocaleString('en')} characters left`}
        </p>
        {errors.text && (
          <p class="field-error" id="voice-text-error">
            {errors.text}
          </p>
        )}
      </div>
      {departmentName ? (
        <p class="sent-with">
          Sent with your department: <strong>{departmentName}</strong> — nothing else about you
        </p>
      ) : (
        <p class="sent-with field-error" id="voice-department-error">
          {errors.department ?? 'Choose your department first: it is the only thing sent with your message.'}{' '}
          <button type="button" class="link" onClick={onOpenSettings}>
            Open the settings
          </button>
        </p>
      )}
      {departmentName && errors.department && <p class="field-error">{errors.department}</p>}
      <p class="submit-row">
        <button type="submit" class="primary" disabled={sending}>
          {sending ? 'Sending…' : 'Send'}
        </button>
      </p>
      <p class={outcome?.error ? 'outcome error' : 'outcome'} role="status">
        {outcome?.text ?? ''}
      </p>
    </form>
  );
}
