import { describe, expect, it } from 'vitest';
import { resubmissionDraft, type SubmittedEntry } from '../../../shared/src/domain/resubmission-draft';
import { EntryDraftSchema } from '../../../shared/src/schemas/recognition-entry';

const draft = {
  roundId: '2027-q1',
  categoryId: 'faster',
  team: { name: 'Line 4 maintenance crew', department: 'manufacturing' },
  customer: 'Northwind Foundry — fab operations',
  before: 'Lead time for a spare part: 5 days',
  after: 'Lead time for a spare part: 5 hours',
  method: 'We kept the 20 most-failed parts at the line.',
  acknowledgement: { quote: 'We no longer plan around your lead time.', source: 'Quarterly review' },
  selfCheck: [
    { criterionId: 'lead-time', status: 'met' as const, note: 'Measured on 40 orders' },
    { criterionId: 'customer-said-so', status: 'not_yet' as const },
  ],
  installId: '0b6c2f6e-8d1a-4c53-9d3e-7f0a1b2c3d4e',
};
const missed: SubmittedEntry = { entryId: 'e-q1line4', status: 'not_this_round', categoryName: 'Faster for customers', draft };

const criterion = (id: string) => ({ id, name: id, guidance: 'g', evidence: 'e', kind: 'outcome' as const, weight: 1 });
const q2 = {
  id: '2027-q2',
  categories: [
    { id: 'kinder', name: 'Kinder to customers', description: 'd', criteria: [criterion('tone')] },
    { id: 'faster', name: 'Faster for customers', description: 'd', criteria: [criterion('lead-time'), criterion('customer-said-so')] },
  ],
};

describe('resubmissionDraft', () => {
  it('pre-fills the next round’s entry with everything the team wrote, linked to the entry it resubmits', () => {
    expect(resubmissionDraft(missed, q2)).toEqual({ ...draft, roundId: '2027-q2', previousEntryId: 'e-q1line4' });
  });

  it('makes a draft the server accepts once the category is known', () => {
    expect(EntryDraftSchema.safeParse(resubmissionDraft(missed, q2)).success).toBe(true);
  });

  it('links to the latest entry when resubmitting a resubmission', () => {
    const again: SubmittedEntry = { ...missed, entryId: 'e-q2line4', draft: { ...draft, roundId: '2027-q2', previousEntryId: 'e-q1line4' } };
    expect(resubmissionDraft(again, { ...q2, id: '2027-q3' })?.previousEntryId).toBe('e-q2line4');
  });

  it('finds the category by its name when the next round gave it a new id, keeping the criteria it still has', () => {
    const renamed = { id: '2027-q2', categories: [{ id: 'faster-2', name: 'faster for customers ', description: 'd', criteria: [criterion('lead-time')] }] };
    const next = resubmissionDraft(missed, renamed)!;
    expect(next.categoryId).toBe('faster-2');
    expect(next.selfCheck).toEqual([{ criterionId: 'lead-time', status: 'met', note: 'Measured on 40 orders' }]);
  });

  it('leaves the category for the team to pick when the next round has no such category', () => {
    const next = resubmissionDraft(missed, { id: '2027-q2', categories: [q2.categories[0]!] })!;
    expect(next.categoryId).toBeUndefined();
    expect(next.selfCheck).toEqual([]);
    expect(next.method).toBe(draft.method);
    expect(next.previousEntryId).toBe('e-q1line4');
  });

  it('offers nothing for an entry that was recognized or is not decided yet', () => {
    for (const status of ['recognized', 'submitted', 'in_review'] as const) {
      expect(resubmissionDraft({ ...missed, status }, q2)).toBeUndefined();
    }
  });

  it('offers nothing into the entry’s own round', () => {
    expect(resubmissionDraft(missed, { ...q2, id: '2027-q1' })).toBeUndefined();
  });

  it('leaves the entry it came from unchanged', () => {
    const before = structuredClone(missed);
    resubmissionDraft(missed, { id: '2027-q2', categories: [q2.categories[0]!] });
    expect(missed).toEqual(before);
  });
});
