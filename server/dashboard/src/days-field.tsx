import { LIMITS } from '@customer-chair/shared/schemas/limits';

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
