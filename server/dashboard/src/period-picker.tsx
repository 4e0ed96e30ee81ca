import { MIN_DAY } from '@customer-chair/shared/schemas/day-window';
import { useEffect, useState } from 'preact/hooks';
import { PRESETS, presetLabel, presetRange, rangeProblem, type Range } from './range';

/** Presets for the usual questions, and any custom period. */
export function PeriodPicker({ range, today, onChange }: { range: Range; today: string; onChange: (range: Range) => void }) {
  const [draft, setDraft] = useState({ from: range.from, to: range.to });
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    setDraft({ from: range.from, to: range.to });
    setProblem(undefined);
  }, [range.from, range.to]);

  return (
    <section class="controls" aria-label="Period">
      <div class="presets" role="group" aria-label="Preset periods">
        {PRESETS.map((weeks) => (
          <button key={weeks} type="button" class={range.preset === weeks ? 'chip active' : 'chip'} aria-pressed={range.preset === weeks} onClick={() => onChange(presetRange(weeks, today))}>
            {presetLabel(weeks)}
          </button>
        ))}
      </div>
      <form
        class="custom"
        aria-label="Custom period"
        // Our own check says what is wrong in words (the browser's would stop the form without a word for out-of-range years).
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const why = rangeProblem(draft.from, draft.to);
          setProblem(why);
          if (!why) onChange({ ...draft, preset: 'custom' });
        }}
      >
        <label for="from">From</label>
        <input id="from" type="date" min={MIN_DAY} max={today} value={draft.from} onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
        <label for="to">To</label>
        <input id="to" type="date" min={MIN_DAY} max={today} value={draft.to} onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
        <button type="submit" class={range.preset === 'custom' ? 'chip active' : 'secondary'}>Show period</button>
        {problem && <p class="error field-error" role="alert">{problem}</p>}
      </form>
    </section>
  );
}
