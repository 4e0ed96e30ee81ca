import { describe, expect, it } from 'vitest';
import { resubmissionDraft, type EntryContent } from '../../../shared/src/domain/resubmission-draft';
import { EntryDraftSchema } from '../../../shared/src/schemas/recognition-entry';
import type { Round } from '../../../shared/src/schemas/recognition-round';

const criterion = (id: string, kind: 'outcome' | 'method' | 'customer_acknowledgement') => ({ id, name: id, guidance: 'Look for it.', evidence: 'Show it.', kind, weight: 2 });
const q1: Round = {
  id: 'q1',
  name: '2027 Q1',
  submissionOpens: '2027-01-01',
  submissionCloses: '2027-01-31',
  judgingEnds: '2027-02-20',
  announceOn: '2027-02-27',
  categories: [
    {
      id: 'faster-for-the-customer',
      name: 'Faster for the customer',
      description: 'The customer waits less.',
      criteria: [criterion('less-waiting', 'outcome'), criterion('reusable-method', 'method'), criterion('customer-acknowledged', 'customer_acknowledgement')],
    },
    { id: 'customer-savings', name: 'Customer savings', description: 'The customer spends less.', criteria: [criterion('money-saved', 'outcome')] },
  ],
};
const entry: EntryContent = {
  roundId: q1.id,
  categoryId: 'faster-for-the-customer',
  team: { name: 'Line 4 maintenance crew', department: 'manufacturing' },
  customer: 'Kestrel Aerospace',
  before: 'Lead time 5 days',
  after: 'Lead time 5 hours',
  method: 'A quick-change fixture between large batches.',
  acknowledgement: { quote: 'Much faster.', source: 'Purchasing lead, review meeting' },
  selfCheck: [
    { criterionId: 'less-waiting', status: 'met', note: '30 orders before and after' },
    { criterionId: 'reusable-method', status: 'partly' },
    { criterionId: 'customer-acknowledged', status: 'not_yet' },
  ],
};
const q2: Round = { ...q1, id: 'q2', name: '2027 Q2', submissionOpens: '2027-04-01', submissionCloses: '2027-04-30', judgingEnds: '2027-05-20', announceOn: '2027-05-27' };

describe('resubmissionDraft', () => {
  it('starts the next round’s entry from the earlier one, linked to it', () => {
    const draft = resubmissionDraft({ entryId: 'e-abc', entry }, q2);
    expect(draft).toEqual({ ...entry, roundId: 'q2', previousEntryId: 'e-abc' });
    // With an install id it is a valid entry as it stands.
    expect(EntryDraftSchema.safeParse({ ...draft, installId: '7d444840-9dc0-11d1-b245-5ffdce74fad2' }).success).toBe(true);
  });

  it('links to the entry it resubmits, not to what that one resubmitted', () => {
    expect(resubmissionDraft({ entryId: 'e-second', entry: { ...entry, previousEntryId: 'e-first' } }, q2).previousEntryId).toBe('e-second');
  });

  it('keeps only the self-check answers for criteria the category still has', () => {
    const changed: Round = {
      ...q2,
      categories: q2.categories.map((c) => (c.id === 'faster-for-the-customer' ? { ...c, criteria: c.criteria.filter((k) => k.id !== 'reusable-method') } : c)),
    };
    expect(resubmissionDraft({ entryId: 'e-abc', entry }, changed).selfCheck.map((c) => c.criterionId)).toEqual(['less-waiting', 'customer-acknowledged']);
  });

  it('leaves the category to choose again when the next round has no such category', () => {
    const other: Round = { ...q2, categories: q2.categories.filter((c) => c.id !== 'faster-for-the-customer') };
    const draft = resubmissionDraft({ entryId: 'e-abc', entry }, other);
    expect(draft.categoryId).toBe('');
    expect(draft.selfCheck).toEqual([]);
    expect(draft.customer).toBe(entry.customer);
  });

  it('has no acknowledgement when the earlier entry had none, and never shares objects with it', () => {
    const { acknowledgement: _none, ...without } = entry;
    expect(resubmissionDraft({ entryId: 'e-abc', entry: without }, q2)).not.toHaveProperty('acknowledgement');
    const draft = resubmissionDraft({ entryId: 'e-abc', entry }, q2);
    draft.team.name = 'changed';
    draft.selfCheck[0]!.status = 'not_yet';
    expect(entry.team.name).toBe('Line 4 maintenance crew');
    expect(entry.selfCheck[0]!.status).toBe('met');
  });
});
