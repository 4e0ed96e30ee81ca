import type { ApiIssue } from '@customer-chair/shared/schemas/api-error';

type Props = {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** The server's limit; the field counts down to it while typing. */
  max?: number;
  multiline?: boolean;
  rows?: number;
  required?: boolean;
  hint?: string;
  /** The API's message about this field, if the last save named it. */
  error?: string;
  type?: 'text' | 'date' | 'number';
  disabled?: boolean;
};

/** A labelled input or textarea, with "characters left" and the server's error for it. */
export function TextField({ id, label, value, onInput, max, multiline, rows = 4, required, hint, error, type = 'text', disabled }: Props) {
  const left = max === undefined ? undefined : max - value.trim().length;
  const described = [hint && `${id}-hint`, max !== undefined && `${id}-count`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: id,
    value,
    required,
    disabled,
    'aria-describedby': described,
    'aria-invalid': error || (left !== undefined && left < 0) ? true : undefined,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
  };
  return (
    <div class="field">
      <div class="field-head">
        <label for={id}>
          {label}
          {!required && <span class="optional"> (optional)</span>}
        </label>
        {left !== undefined && (
          <span id={`${id}-count`} class={left < 0 ? 'count over' : left < max! * 0.1 ? 'count low' : 'count'}>
            {left < 0 ? `${-left} characters too many` : `${left} characters left`}
          </span>
        )}
      </div>
      {multiline ? <textarea rows={rows} {...common} /> : <input {...({ type } as { type: 'text' })} spellcheck={type === 'text'} {...common} />}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The API's issues by field (the first part of their path), to show each beside its field. */
export function issuesByField(issues: ApiIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.split('.')[0]!;
    out[field] = out[field] ? `${out[field]}; ${issue.message}` : issue.message;
  }
  return out;
}
