import { LIMITS } from '@customer-chair/shared/schemas/limits';
import type { SelfCheckStatus } from '@customer-chair/shared/schemas/recognition-entry';
import type { Category } from '@customer-chair/shared/schemas/recognition-round';
import { answerFor, selfCheckProgress, withAnswer, type EntryForm } from '../../lib/entry-form';
import { BoundedField } from './bounded-field';

const STATUSES: { value: SelfCheckStatus; label: string }[] = [
  { value: 'met', label: 'Met' },
  { value: 'partly', label: 'Partly' },
  { value: 'not_yet', label: 'Not yet' },
];

type Props = { category: Category; form: EntryForm; onEdit: (update: (form: EntryForm) => EntryForm) => void; error?: string };

/** The team checks its entry against each criterion of the category, the way the judges will. */
export function SelfCheck({ category, form, onEdit, error }: Props) {
  return (
    <fieldset class={error ? 'self-check invalid' : 'self-check'} aria-describedby="self-check-intro">
      <legend>Check your entry against the criteria</legend>
      <p class="hint" id="self-check-intro">
        The judges score “{category.name}” on these criteria. Say honestly where you stand: entries that only partly meet a criterion are welcome, and the judges’ feedback says what would make them win.
      </p>
      <ol class="criteria-check">
        {category.criteria.map((criterion) => {
          const answer = answerFor(form, criterion.id);
          const name = `check-${criterion.id}`;
          return (
            <li key={criterion.id} class="criterion-check">
              <fieldset>
                <legend>
                  {criterion.name} <span class="weight">weight {criterion.weight}</span>
                </legend>
                <p class="evidence">
                  <span class="evidence-label">Evidence that counts:</span> {criterion.evidence}
                </p>
                <div class="status-choices" role="radiogroup" aria-label={`${criterion.name}: where you stand`}>
                  {STATUSES.map((status) => (
                    <label key={status.value} class={answer.status === status.value ? `choice chosen ${status.value}` : 'choice'}>
                      <input
                        type="radio"
                        name={name}
                        value={status.value}
                        checked={answer.status === status.value}
                        onChange={() => onEdit((f) => withAnswer(f, { ...answerFor(f, criterion.id), status: status.value }))}
                      />
                      {status.label}
                    </label>
                  ))}
                </div>
                <BoundedField
                  id={`note-${criterion.id}`}
                  label="Note"
                  optional
                  rows={2}
                  max={LIMITS.selfCheckNote}
                  value={answer.note}
                  placeholder="What shows it, or what is still missing"
                  onInput={(note) => onEdit((f) => withAnswer(f, { ...answerFor(f, criterion.id), note }))}
                />
              </fieldset>
            </li>
          );
        })}
      </ol>
      {error && <p class="field-error">{error}</p>}
    </fieldset>
  );
}

/** Where the entry stands by the team's own check, shown just before Submit. */
export function SelfCheckSummary({ category, form }: { category: Category; form: EntryForm }) {
  const progress = selfCheckProgress(category.criteria, form);
  const share = (n: number) => `${(100 * n) / Math.max(1, progress.total)}%`;
  const parts = [
    `${progress.met} met`,
    `${progress.partly} partly`,
    `${progress.notYet} not yet`,
    ...(progress.unchecked ? [`${progress.unchecked} not checked`] : []),
  ];
  return (
    <section class="progress" aria-labelledby="progress-title" data-testid="self-check-progress">
      <h2 id="progress-title">Your self-check</h2>
      <div class="bar" aria-hidden="true">
        <span class="met" style={{ width: share(progress.met) }} />
        <span class="partly" style={{ width: share(progress.partly) }} />
        <span class="not-yet" style={{ width: share(progress.notYet) }} />
      </div>
      <p class="progress-text">
        {parts.join(', ')} — of {progress.total} {progress.total === 1 ? 'criterion' : 'criteria'}.
        {progress.total > 0 && ` What you met carries ${Math.round(progress.metWeight * 100)}% of the judges’ weight.`}
      </p>
      {progress.unchecked > 0 && <p class="hint">Check every criterion before you submit.</p>}
    </section>
  );
}
