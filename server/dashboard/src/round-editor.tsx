import { makeId } from '@customer-chair/shared/domain/make-id';
import type { ApiIssue } from '@customer-chair/shared/schemas/api-error';
import { LIMITS } from '@customer-chair/shared/schemas/limits';
import type { Category, Criterion, CriterionKind, RoundRecord } from '@customer-chair/shared/schemas/recognition-round';
import { useState } from 'preact/hooks';
import { ApiFailure, failureMessage, isConflict, recognition } from './api';
import { Alert } from './alert';
import { Saved } from './saved';
import { counted } from './format';
import { go } from './nav';
import { RoundStats } from './round-stats';
import { TextField } from './text-field';
import { BusyButton } from './busy-button';

const KINDS: Record<CriterionKind, string> = {
  outcome: 'Outcome for the customer',
  method: 'Method others can reuse',
  customer_acknowledgement: 'Customers acknowledged the improvement (a quote or source)',
};

/** A criterion or category not saved yet has no id: one is made from its name on Save. */
type CriterionForm = Omit<Criterion, 'id'> & { id: string };
type CategoryForm = Omit<Category, 'criteria'> & { criteria: CriterionForm[] };
type Form = { name: string; submissionOpens: string; submissionCloses: string; judgingEnds: string; announceOn: string; categories: CategoryForm[] };

const newCriterion = (): CriterionForm => ({ id: '', name: '', guidance: '', evidence: '', kind: 'outcome', weight: 3 });
const newCategory = (): CategoryForm => ({ id: '', name: '', description: '', criteria: [newCriterion()] });
const EMPTY: Form = { name: '', submissionOpens: '', submissionCloses: '', judgingEnds: '', announceOn: '', categories: [newCategory()] };

const toForm = (r: RoundRecord): Form => ({
  name: r.name,
  submissionOpens: r.submissionOpens,
  submissionCloses: r.submissionCloses,
  judgingEnds: r.judgingEnds,
  announceOn: r.announceOn,
  categories: r.categories.map((c) => ({ ...c, criteria: c.criteria.map((k) => ({ ...k })) })),
});

/** The form as the API takes it: new categories and criteria get ids made from their names. */
function toRound(form: Form) {
  const categoryIds = new Set(form.categories.map((c) => c.id).filter(Boolean));
  return {
    ...form,
    categories: form.categories.map((c) => {
      const id = c.id || makeId(c.name, categoryIds, 'category');
      categoryIds.add(id);
      const criterionIds = new Set(c.criteria.map((k) => k.id).filter(Boolean));
      return {
        ...c,
        id,
        criteria: c.criteria.map((k) => {
          const kid = k.id || makeId(k.name, criterionIds, 'criterion');
          criterionIds.add(kid);
          return { ...k, id: kid };
        }),
      };
    }),
  };
}

/** One recognition round (or a new one): its days, categories and weighted criteria, with its entries per department. */
export function RoundEditor({ round }: { round?: RoundRecord }) {
  const [base, setBase] = useState(round);
  const [form, setForm] = useState<Form>(() => (round ? toForm(round) : EMPTY));
  const [error, setError] = useState<string>();
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);
  const locked = base?.resultsPublishedAt != null;

  const edit = (change: (f: Form) => Form) => {
    setForm(change);
    setSaved(undefined);
  };
  const setCategory = (i: number, change: (c: CategoryForm) => CategoryForm) => edit((f) => ({ ...f, categories: f.categories.map((c, j) => (j === i ? change(c) : c)) }));
  const setCriterion = (i: number, k: number, change: (c: CriterionForm) => CriterionForm) =>
    setCategory(i, (c) => ({ ...c, criteria: c.criteria.map((x, j) => (j === k ? change(x) : x)) }));

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    setSaved(undefined);
    try {
      const body = toRound(form);
      const record = base ? await recognition.saveRound(base.id, { ...body, revision: base.revision }) : await recognition.createRound(body);
      setBase(record);
      setForm(toForm(record));
      setError(undefined);
      setIssues({});
      setSaved(base ? 'Saved.' : `${record.name} is created.`);
      if (!base) history.replaceState(null, '', `#/rounds/${encodeURIComponent(record.id)}`);
    } catch (failure) {
      const message = readablePaths(failureMessage(failure));
      setError(isConflict(failure) || /nothing was saved/i.test(message) ? message : `${message} Nothing was saved.`);
      setIssues(failure instanceof ApiFailure ? byPath(failure.issues) : {});
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!base) return;
    setBusy(true);
    setSaved(undefined);
    try {
      await recognition.deleteRound(base.id, base.revision);
      go('rounds');
    } catch (failure) {
      setError(failureMessage(failure));
      setIssues({});
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="content-page round-editor">
      <p class="back">
        <a href="#/rounds">← Rounds</a>
      </p>
      <div class="heading">
        <h1>{base ? base.name : 'New round'}</h1>
      </div>
      {locked && <p class="notice">The results of this round were published; it is kept as it was judged.</p>}
      <form class="stack item-form" onSubmit={save}>
        <fieldset disabled={locked}>
          <TextField id="round-name" label="Name" value={form.name} onInput={(v) => edit((f) => ({ ...f, name: v }))} max={LIMITS.roundName} required hint="Such as “2027 Q1”." error={issues.name} />
          <div class="row">
            <TextField id="round-opens" type="date" label="Submissions open" value={form.submissionOpens} onInput={(v) => edit((f) => ({ ...f, submissionOpens: v }))} required error={issues.submissionOpens} />
            <TextField id="round-closes" type="date" label="Submissions close" value={form.submissionCloses} onInput={(v) => edit((f) => ({ ...f, submissionCloses: v }))} required error={issues.submissionCloses} />
            <TextField id="round-judging" type="date" label="Judging ends" value={form.judgingEnds} onInput={(v) => edit((f) => ({ ...f, judgingEnds: v }))} required error={issues.judgingEnds} />
            <TextField id="round-announce" type="date" label="Winners announced on" value={form.announceOn} onInput={(v) => edit((f) => ({ ...f, announceOn: v }))} required error={issues.announceOn} />
          </div>
          {issues.categories && <p class="error">Categories: {issues.categories}</p>}
          {form.categories.map((c, i) => {
            const at = `categories.${i}`;
            const totalWeight = c.criteria.reduce((sum, k) => sum + (Number(k.weight) || 0), 0);
            return (
              <fieldset key={i} class="criterion round-category">
                <legend>Category {i + 1}{c.name ? `: ${c.name}` : ''}</legend>
                <TextField id={`cat-${i}-name`} label="Category name" value={c.name} onInput={(v) => setCategory(i, (x) => ({ ...x, name: v }))} max={LIMITS.categoryName} required error={issues[`${at}.name`] ?? issues[`${at}.id`]} />
                <TextField id={`cat-${i}-description`} label="Description" value={c.description} onInput={(v) => setCategory(i, (x) => ({ ...x, description: v }))} max={LIMITS.categoryDescription} multiline rows={2} required error={issues[`${at}.description`]} />
                {issues[`${at}.criteria`] && <p class="error">Criteria: {issues[`${at}.criteria`]}</p>}
                {c.criteria.map((k, j) => {
                  const kat = `${at}.criteria.${j}`;
                  const base = `cat-${i}-crit-${j}`;
                  return (
                    <fieldset key={j} class="round-criterion">
                      <legend>
                        Criterion {j + 1}
                        {k.name ? `: ${k.name}` : ''} <span class="weight">weight {k.weight} of {totalWeight}</span>
                      </legend>
                      <TextField id={`${base}-name`} label="Criterion name" value={k.name} onInput={(v) => setCriterion(i, j, (x) => ({ ...x, name: v }))} max={LIMITS.criterionName} required error={issues[`${kat}.name`] ?? issues[`${kat}.id`]} />
                      <TextField id={`${base}-guidance`} label="Guidance for judges" value={k.guidance} onInput={(v) => setCriterion(i, j, (x) => ({ ...x, guidance: v }))} max={LIMITS.criterionGuidance} multiline rows={2} required error={issues[`${kat}.guidance`]} />
                      <TextField id={`${base}-evidence`} label="Evidence that counts" value={k.evidence} onInput={(v) => setCriterion(i, j, (x) => ({ ...x, evidence: v }))} max={LIMITS.criterionEvidence} required hint="Shown to teams on the entry form." error={issues[`${kat}.evidence`]} />
                      <div class="row">
                        <div class="field">
                          <label for={`${base}-kind`}>Kind</label>
                          <select id={`${base}-kind`} value={k.kind} onChange={(e) => setCriterion(i, j, (x) => ({ ...x, kind: e.currentTarget.value as CriterionKind }))}>
                            {(Object.keys(KINDS) as CriterionKind[]).map((kind) => (
                              <option key={kind} value={kind}>
                                {KINDS[kind]}
                              </option>
                            ))}
                          </select>
                          {issues[`${kat}.kind`] && <p class="error">{issues[`${kat}.kind`]}</p>}
                        </div>
                        <div class="field weight-field">
                          <label for={`${base}-weight`}>Weight (1–{LIMITS.criterionWeightMax})</label>
                          <input
                            id={`${base}-weight`}
                            type="number"
                            min={1}
                            max={LIMITS.criterionWeightMax}
                            value={k.weight}
                            onInput={(e) => setCriterion(i, j, (x) => ({ ...x, weight: e.currentTarget.valueAsNumber }))}
                          />
                          {issues[`${kat}.weight`] && <p class="error">{issues[`${kat}.weight`]}</p>}
                        </div>
                      </div>
                      {c.criteria.length > 1 && (
                        <button type="button" class="secondary" onClick={() => setCategory(i, (x) => ({ ...x, criteria: x.criteria.filter((_, n) => n !== j) }))}>
                          Remove criterion {j + 1}
                        </button>
                      )}
                    </fieldset>
                  );
                })}
                <div class="form-actions">
                  {c.criteria.length < LIMITS.criteriaPerCategory && (
                    <button type="button" class="secondary" onClick={() => setCategory(i, (x) => ({ ...x, criteria: [...x.criteria, newCriterion()] }))}>
                      Add a criterion
                    </button>
                  )}
                  {form.categories.length > 1 && (
                    <button type="button" class="danger" onClick={() => edit((f) => ({ ...f, categories: f.categories.filter((_, n) => n !== i) }))}>
                      Remove this category
                    </button>
                  )}
                </div>
              </fieldset>
            );
          })}
          {form.categories.length < LIMITS.categoriesPerRound && (
            <button type="button" class="secondary" onClick={() => edit((f) => ({ ...f, categories: [...f.categories, newCategory()] }))}>
              Add a category
            </button>
          )}
        </fieldset>
        <p class="hint">
          Criteria judge what changed for the customer and how; usage figures (“I did this” counts, adoption, views) are never criteria, and the server refuses them.{' '}
          {counted(form.categories.length, 'category', 'categories')}.
        </p>
        {error && <Alert message={error} />}
        <div class="form-actions">
          <BusyButton type="submit" class="primary" busy={busy} disabled={locked}>
            {base ? 'Save round' : 'Create round'}
          </BusyButton>
          {base && !locked && (
            <BusyButton class="danger" busy={busy} onClick={remove}>
              Delete round
            </BusyButton>
          )}
          {base && !locked && <span class="hint">A round teams have entered is kept; the server says so.</span>}
        </div>
        <Saved message={saved} />
      </form>
      {base && <RoundStats roundId={base.id} />}
    </main>
  );
}

/** "categories.0.criteria.1.guidance" as a CX lead reads it: "category 1, criterion 2, guidance". */
function readablePaths(message: string): string {
  return message.replace(/categories\.(\d+)(?:\.criteria\.(\d+))?(?:\.(\w+))?/g, (_, c: string, k?: string, field?: string) =>
    [`category ${Number(c) + 1}`, k !== undefined && `criterion ${Number(k) + 1}`, field].filter(Boolean).join(', '),
  );
}

/** The API's issues by their full path ("categories.0.criteria.1.guidance"). */
function byPath(issues: ApiIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[issue.path] = out[issue.path] ? `${out[issue.path]}; ${issue.message}` : issue.message;
  return out;
}
