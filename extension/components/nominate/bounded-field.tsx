type Props = {
  id: string;
  label: string;
  value: string;
  max: number;
  onInput: (value: string) => void;
  /** A textarea of this many rows; a one-line input without. */
  rows?: number;
  hint?: string;
  placeholder?: string;
  /** What is wrong with the value (from the last Submit). */
  error?: string;
  optional?: boolean;
};

/** A labelled text field that cannot pass its bound, and says how much room is left. */
export function BoundedField({ id, label, value, max, onInput, rows, hint, placeholder, error, optional }: Props) {
  const left = max - value.length;
  const described = [hint && `${id}-hint`, `${id}-left`, error && `${id}-error`].filter(Boolean).join(' ');
  const common = {
    id,
    value,
    maxLength: max,
    placeholder,
    'aria-describedby': described,
    'aria-invalid': error ? true : undefined,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
  } as const;
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>
        {label}
        {optional && <span class="optional"> (optional)</span>}
      </label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {rows ? <textarea rows={rows} {...common} /> : <input type="text" {...common} />}
      <p class={left <= max / 10 ? 'left few' : 'left'} id={`${id}-left`}>
        {left === 1 ? '1 character left' : `${left.toLocaleString('en')} characters left`}
      </p>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
