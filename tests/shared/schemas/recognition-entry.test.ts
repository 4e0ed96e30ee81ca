import { describe, expect, it } from 'vitest';
import {
  EntryDraftSchema,
  EntryReceiptSchema,
  EntryStatusSchema,
  SelfCheckSchema,
} from '../../../shared/src/schemas/recognition-entry';

const draft = {
  roundId: '2027-q1',
  categoryId: 'faster',
  team: { name: 'Line 4 maintenance crew', department: 'manufacturing' },
  customer: 'Northwind Foundry — fab operations',
  before: 'Lead time for a spare part: 5 days',
  after: 'Lead time for a spare part: 5 hours',
  method: 'We kept the 20 most-failed parts at the line and re-ordered them when one was used.',
  acknowledgement: { quote: 'We no longer plan around your lead time.', source: 'Quarterly review with the fab manager' },
  selfCheck: [
    { criterionId: 'lead-time', status: 'met', note: 'Measured on 40 orders' },
    { criterionId: 'customer-said-so', status: 'partly' },
  ],
  installId: '0b6c2f6e-8d1a-4c53-9d3e-7f0a1b2c3d4e',
};

const paths = (result: { error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues.map((i) => i.path.join('.'));

describe('EntryDraftSchema', () => {
  it('accepts a team’s win with its self-check, and trims what was typed', () => {
    expect(EntryDraftSchema.parse({ ...draft, customer: `  ${draft.customer}\n` })).toEqual(draft);
  });

  it('takes a team and its department, never a person', () => {
    expect(paths(EntryDraftSchema.safeParse({ ...draft, team: { ...draft.team, person: 'Ana Lima' } }))).toEqual(['team']);
    expect(paths(EntryDraftSchema.safeParse({ ...draft, submittedBy: 'ana@example.com' }))).toEqual(['']);
    expect(paths(EntryDraftSchema.safeParse({ ...draft, team: { name: 'Line 4 maintenance crew' } }))).toEqual(['team.department']);
    expect(paths(EntryDraftSchema.safeParse({ ...draft, team: { ...draft.team, department: 'Manufacturing dept.' } }))).toEqual(['team.department']);
  });

  it('bounds every text, naming the field', () => {
    const long = (n: number) => 'x'.repeat(n + 1);
    expect(paths(EntryDraftSchema.safeParse({ ...draft, team: { ...draft.team, name: long(80) } }))).toEqual(['team.name']);
    expect(paths(EntryDraftSchema.safeParse({ ...draft, customer: long(120) }))).toEqual(['customer']);
    expect(paths(EntryDraftSchema.safeParse({ ...draft, before: long(600) }))).toEqual(['before']);
    expect(paths(EntryDraftSchema.safeParse({ ...draft, after: long(600) }))).toEqual(['after']);
    expect(paths(EntryDraftSchema.safeParse({ ...draft, method: long(1500) }))).toEqual(['method']);
    expect(paths(EntryDraftSchema.safeParse({ ...draft, acknowledgement: { ...draft.acknowledgement, quote: long(600) } }))).toEqual([
      'acknowledgement.quote',
    ]);
    expect(EntryDraftSchema.safeParse({ ...draft, method: 'x'.repeat(1500) }).success).toBe(true);
  });

  it('refuses blank before, after and method: the figures and the method are the point', () => {
    expect(paths(EntryDraftSchema.safeParse({ ...draft, before: '  ', after: '', method: '\n' }))).toEqual(['before', 'after', 'method']);
  });

  it('lets the acknowledgement be left out, but not half given', () => {
    const { acknowledgement: _a, ...without } = draft;
    expect(EntryDraftSchema.safeParse(without).success).toBe(true);
    expect(paths(EntryDraftSchema.safeParse({ ...draft, acknowledgement: { quote: 'Thanks' } }))).toEqual(['acknowledgement.source']);
  });

  it('links a resubmission to an earlier entry by its id', () => {
    expect(EntryDraftSchema.parse({ ...draft, previousEntryId: 'e-abcdefgh2345' }).previousEntryId).toBe('e-abcdefgh2345');
    expect(paths(EntryDraftSchema.safeParse({ ...draft, previousEntryId: '' }))).toEqual(['previousEntryId']);
  });

  it('needs the install id as the extension makes it (a UUID)', () => {
    expect(EntryDraftSchema.safeParse({ ...draft, installId: 'not-a-uuid' }).error?.issues[0]?.message).toBe(
      'must be the extension install id (a UUID)',
    );
  });

  it('bounds the self-check list', () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ criterionId: `c${i}`, status: 'met' }));
    expect(EntryDraftSchema.safeParse({ ...draft, selfCheck: many.slice(0, 20) }).success).toBe(true);
    expect(paths(EntryDraftSchema.safeParse({ ...draft, selfCheck: many }))).toEqual(['selfCheck']);
  });
});

describe('SelfCheckSchema', () => {
  it('is met, partly or not yet, with an optional bounded note', () => {
    for (const status of ['met', 'partly', 'not_yet']) expect(SelfCheckSchema.safeParse({ criterionId: 'c', status }).success).toBe(true);
    expect(paths(SelfCheckSchema.safeParse({ criterionId: 'c', status: 'done' }))).toEqual(['status']);
    expect(paths(SelfCheckSchema.safeParse({ criterionId: 'c', status: 'met', note: 'n'.repeat(301) }))).toEqual(['note']);
  });
});

describe('EntryReceiptSchema', () => {
  it('carries the entry id and a receipt long enough to be a secret', () => {
    const receipt = 'A'.repeat(43);
    expect(EntryReceiptSchema.parse({ entryId: 'e-abc', receipt })).toEqual({ entryId: 'e-abc', receipt });
    expect(EntryReceiptSchema.safeParse({ entryId: 'e-abc', receipt: 'short' }).success).toBe(false);
  });
});

describe('EntryStatusSchema', () => {
  const status = {
    entryId: 'e-abc',
    roundId: '2027-q1',
    roundName: '2027 Q1',
    categoryId: 'faster',
    categoryName: 'Faster for customers',
    teamName: 'Line 4 maintenance crew',
    status: 'not_this_round',
    announceOn: '2027-03-15',
    feedback: ['Strong figures; ask the customer to say it in writing.'],
    previousEntryId: null,
    nextRound: { id: '2027-q2', name: '2027 Q2' },
  };

  it('shows the four statuses a team can see, with the feedback and where to resubmit', () => {
    expect(EntryStatusSchema.parse(status)).toEqual(status);
    for (const name of ['submitted', 'in_review', 'recognized']) expect(EntryStatusSchema.safeParse({ ...status, status: name }).success).toBe(true);
    expect(paths(EntryStatusSchema.safeParse({ ...status, status: 'rejected' }))).toEqual(['status']);
    expect(EntryStatusSchema.safeParse({ ...status, nextRound: null }).success).toBe(true);
  });
});
