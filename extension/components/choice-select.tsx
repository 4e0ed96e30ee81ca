type Props = {
  id: string;
  label: string;
  value: string;
  choices: { id: string; name: string }[];
  /** Set by IT through policy: shown, not changeable. */
  locked: boolean;
  onChange: (value: string) => void;
};

/** A labelled select of content choices (departments, roles), locked when IT set the value. */
export function ChoiceSelect({ id, label, value, choices, locked, onChange }: Props) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} disabled={locked} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">Choose…</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      {locked && <p class="hint">Set by your IT department.</p>}
    </div>
  );
}
