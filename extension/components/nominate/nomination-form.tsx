import { LIMITS } from '@customer-chair/shared/schemas/limits';
import type { Department } from '@customer-chair/shared/schemas/department';
import type { Round } from '@customer-chair/shared/schemas/recognition-round';
import type { EntryForm } from '../../lib/entry-form';
import { BoundedField } from './bounded-field';
import { CategoryChoice } from './category-choice';
import { SelfCheck, SelfCheckSummary } from './self-check';

/** The earlier entry a resubmission is linked to, and what the judges said of it. */
export type LinkedEntry = { entryId: string; roundName: string; teamName: string; feedback: string[] };

type Props = {
  /** The rounds open for entries today. */
  rounds: Round[];
  departments: Department[];
  form: EntryForm;
  /** Changes the form: each change is made to the form as it is then, so changes that come quickly never undo each other. */
  onEdit: (update: (form: EntryForm) => EntryForm) => void;
  /** What is wrong, by field path ("team.name", "selfCheck"…), from the last Submit. */
  errors: Record<string, string>;
  onSubmit: () => void;
  submitting: boolean;
  /** What the last Submit came to (the server's words when it refused). */
  outcome?: { text: string; error?: boolean };
  linked?: LinkedEntry;
  onUnlink: () => void;
  draftState: 'saved' | 'saving' | 'empty';
};

/** The entry: who (a team), what changed for which customer, how, the customer's word, and the team's own check. */
export function NominationForm({ rounds, departments, form, onEdit, errors, onSubmit, submitting, outcome, linked, onUnlink, draftState }: Props) {
  const round = rounds.find((r) => r.id === form.roundId);
  const category = round?.categories.find((c) => c.id === form.categoryId);
  const set = (patch: Partial<EntryForm>) => onEdit((f) => ({ ...f, ...patch }));
  return (
    <form
      class="nomination"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {linked && (
        <aside class="linked" aria-labelledby="linked-title">
          <h3 id="linked-title">Resubmitting “{linked.teamName}” from {linked.roundName}</h3>
          <p class="hint">The judges will see your earlier entry with this one. What they said last time:</p>
          {linked.feedback.length ? (
            <ul class="feedback">
              {linked.feedback.map((text, i) => (
                <li key={i}>{text}</li>
              ))}
            </ul>
          ) : (
            <p class="hint">No written feedback.</p>
          )}
          <button type="button" class="link" onClick={onUnlink}>
            Make it a new entry instead (not linked)
          </button>
        </aside>
      )}

      {rounds.length > 1 ? (
        <div class={errors.roundId ? 'field invalid' : 'field'}>
          <label for="round">Round</label>
          <select id="round" value={form.roundId} onChange={(e) => set({ roundId: e.currentTarget.value, categoryId: '' })}>
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} (entries until {r.submissionCloses})
              </option>
            ))}
          </select>
        </div>
      ) : (
        round && (
          <p class="round-line">
            Round <strong>{round.name}</strong>: entries until {round.submissionCloses}, winners announced on {round.announceOn}.
          </p>
        )
      )}

      <fieldset class="team">
        <legend>Your team</legend>
        <p class="notice" id="team-notice">
          Name a team, never a person: recognition goes to the people who did the work together, and no one’s name is sent.
        </p>
        <BoundedField
          id="team-name"
          label="Team name"
          hint="For example “Line 4 maintenance crew” or “Returns desk, Lyon”."
          max={LIMITS.teamName}
          value={form.team.name}
          error={errors['team.name']}
          onInput={(name) => onEdit((f) => ({ ...f, team: { ...f.team, name } }))}
        />
        <div class={errors['team.department'] ? 'field invalid' : 'field'}>
          <label for="team-department">Department</label>
          <select id="team-department" value={form.team.department} onChange={(e) => { const department = e.currentTarget.value; onEdit((f) => ({ ...f, team: { ...f.team, department } })); }}>
            <option value="">Choose…</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          {errors['team.department'] && <p class="field-error">{errors['team.department']}</p>}
        </div>
      </fieldset>

      {round && <CategoryChoice categories={round.categories} value={form.categoryId} error={errors.categoryId} onChange={(categoryId) => set({ categoryId })} />}

      <fieldset class="win">
        <legend>The customer win</legend>
        <BoundedField id="customer" label="Customer" hint="The customer (a company, or a group of customers) who felt the change." max={LIMITS.entryCustomer} value={form.customer} error={errors.customer} onInput={(customer) => set({ customer })} />
        <BoundedField id="before" label="Before" hint="How it was for the customer, with figures: “lead time 5 days”." rows={3} max={LIMITS.entryBeforeAfter} value={form.before} error={errors.before} onInput={(before) => set({ before })} />
        <BoundedField id="after" label="After" hint="How it is now, with the same figures: “lead time 5 hours”." rows={3} max={LIMITS.entryBeforeAfter} value={form.after} error={errors.after} onInput={(after) => set({ after })} />
        <BoundedField id="method" label="The method others can reuse" hint="What you did, step by step, so another team could do it too." rows={5} max={LIMITS.entryMethod} value={form.method} error={errors.method} onInput={(method) => set({ method })} />
      </fieldset>

      <fieldset class="acknowledgement">
        <legend>The customer’s acknowledgement</legend>
        <p class="hint">The customer’s own words about the change, and where they said them. Leave both empty if you have none yet.</p>
        <BoundedField
          id="ack-quote"
          label="Quote"
          rows={3}
          max={LIMITS.entryAcknowledgement}
          value={form.acknowledgement.quote}
          error={errors['acknowledgement.quote']}
          onInput={(quote) => onEdit((f) => ({ ...f, acknowledgement: { ...f.acknowledgement, quote } }))}
        />
        <BoundedField
          id="ack-source"
          label="Source"
          hint="Who said it, where and when: “Plant manager, Acme Fabs, quarterly review, March 2027”."
          max={LIMITS.source}
          value={form.acknowledgement.source}
          error={errors['acknowledgement.source']}
          onInput={(source) => onEdit((f) => ({ ...f, acknowledgement: { ...f.acknowledgement, source } }))}
        />
      </fieldset>

      {category ? (
        <>
          <SelfCheck category={category} form={form} onEdit={onEdit} error={errors.selfCheck} />
          <SelfCheckSummary category={category} form={form} />
        </>
      ) : (
        <p class="hint choose-first">Choose a category to check your entry against its criteria.</p>
      )}

      {Object.keys(errors).length > 0 && (
        <div class="problems" role="alert">
          <p>Before it can be submitted:</p>
          <ul>
            {Object.entries(errors).map(([path, message]) => (
              <li key={path}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="row submit-row">
        <button type="submit" class="primary" disabled={submitting || !round}>
          {submitting ? 'Submitting…' : 'Submit the entry'}
        </button>
        <span class="draft-state" role="status">
          {draftState === 'saving' ? 'Saving the draft…' : draftState === 'saved' ? 'Draft saved in this browser' : ''}
        </span>
      </div>
      {outcome && (
        <p class={outcome.error ? 'outcome error' : 'outcome'} role={outcome.error ? 'alert' : 'status'}>
          {outcome.text}
        </p>
      )}
    </form>
  );
}
