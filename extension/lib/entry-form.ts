import type { Category, Criterion } from '@customer-chair/shared/schemas/recognition-round';
import type { EntryDraft, SelfCheckStatus } from '@customer-chair/shared/schemas/recognition-entry';

/** One criterion as the team checked it: no status until they pick one. */
export type SelfCheckAnswer = { criterionId: string; status?: SelfCheckStatus; note: string };

/**
 * The entry form as the employee is filling it in, kept in storage.local as
 * they type: every text as typed (possibly empty), so a reopened page shows
 * exactly what was left. `toEntryDraft` turns it into what the server takes.
 */
export type EntryForm = {
  roundId: string;
  categoryId: string;
  team: { name: string; department: string };
  customer: string;
  before: string;
  after: string;
  method: string;
  acknowledgement: { quote: string; source: string };
  selfCheck: SelfCheckAnswer[];
  /** The earlier round's entry this one resubmits. */
  previousEntryId?: string;
};

/** What an entry says, without the install id: what the extension keeps of a submitted entry, for resubmitting it. */
export type EntryContent = Omit<EntryDraft, 'installId'>;

export function emptyEntryForm(defaults: { roundId?: string; department?: string } = {}): EntryForm {
  return {
    roundId: defaults.roundId ?? '',
    categoryId: '',
    team: { name: '', department: defaults.department ?? '' },
    customer: '',
    before: '',
    after: '',
    method: '',
    acknowledgement: { quote: '', source: '' },
    selfCheck: [],
  };
}

/** Whether the employee wrote anything worth keeping (the prefilled department and round are not). */
export function hasContent(form: EntryForm): boolean {
  const texts = [form.team.name, form.customer, form.before, form.after, form.method, form.acknowledgement.quote, form.acknowledgement.source];
  return texts.some((t) => t.trim() !== '') || form.selfCheck.some((c) => c.status !== undefined || c.note.trim() !== '') || form.categoryId !== '';
}

/** A submitted (or kept) entry back in the form, e.g. to resubmit it. */
export function formFromContent(content: EntryContent): EntryForm {
  return {
    roundId: content.roundId,
    categoryId: content.categoryId,
    team: { ...content.team },
    customer: content.customer,
    before: content.before,
    after: content.after,
    method: content.method,
    acknowledgement: { quote: content.acknowledgement?.quote ?? '', source: content.acknowledgement?.source ?? '' },
    selfCheck: content.selfCheck.map((c) => ({ criterionId: c.criterionId, status: c.status, note: c.note ?? '' })),
    ...(content.previousEntryId && { previousEntryId: content.previousEntryId }),
  };
}

/** The team's answer for one criterion (an unchecked one when none yet). */
export function answerFor(form: EntryForm, criterionId: string): SelfCheckAnswer {
  return form.selfCheck.find((c) => c.criterionId === criterionId) ?? { criterionId, note: '' };
}

/** The form with one criterion's answer changed (answers for other categories' criteria are kept, in case the team switches back). */
export function withAnswer(form: EntryForm, answer: SelfCheckAnswer): EntryForm {
  const rest = form.selfCheck.filter((c) => c.criterionId !== answer.criterionId);
  return { ...form, selfCheck: [...rest, answer] };
}

export type SelfCheckProgress = {
  total: number;
  met: number;
  partly: number;
  notYet: number;
  unchecked: number;
  /** Share (0–1) of the category's criteria weight the team says it met in full. */
  metWeight: number;
};

/** Where the team stands against the category's criteria, by its own check. */
export function selfCheckProgress(criteria: readonly Criterion[], form: EntryForm): SelfCheckProgress {
  const progress: SelfCheckProgress = { total: criteria.length, met: 0, partly: 0, notYet: 0, unchecked: 0, metWeight: 0 };
  let weight = 0;
  let metWeight = 0;
  for (const criterion of criteria) {
    weight += criterion.weight;
    const status = answerFor(form, criterion.id).status;
    if (status === 'met') {
      progress.met++;
      metWeight += criterion.weight;
    } else if (status === 'partly') progress.partly++;
    else if (status === 'not_yet') progress.notYet++;
    else progress.unchecked++;
  }
  progress.metWeight = weight === 0 ? 0 : metWeight / weight;
  return progress;
}

/**
 * The request body for the form: texts as typed (the schema trims them),
 * the acknowledgement only when the team gave one, and the self-check of
 * the chosen category's criteria only, in the category's order.
 */
export function toEntryDraft(form: EntryForm, category: Category | undefined, installId: string): EntryDraft {
  const quote = form.acknowledgement.quote.trim();
  const source = form.acknowledgement.source.trim();
  const selfCheck = (category?.criteria ?? []).flatMap((criterion) => {
    const answer = answerFor(form, criterion.id);
    if (!answer.status) return [];
    const note = answer.note.trim();
    return [{ criterionId: criterion.id, status: answer.status, ...(note && { note }) }];
  });
  return {
    roundId: form.roundId,
    categoryId: form.categoryId,
    team: { name: form.team.name, department: form.team.department },
    customer: form.customer,
    before: form.before,
    after: form.after,
    method: form.method,
    ...((quote || source) && { acknowledgement: { quote, source } }),
    selfCheck,
    ...(form.previousEntryId && { previousEntryId: form.previousEntryId }),
    installId,
  };
}

/** The entry as the extension keeps it after submitting: the draft without the install id. */
export function entryContent(draft: EntryDraft): EntryContent {
  const { installId: _installId, ...content } = draft;
  return content;
}
