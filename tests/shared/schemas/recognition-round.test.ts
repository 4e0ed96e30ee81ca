import { describe, expect, it } from 'vitest';
import {
  CategorySchema,
  CriterionSchema,
  OpenRoundsSchema,
  RoundRecordSchema,
  RoundSchema,
} from '../../../shared/src/schemas/recognition-round';

const criterion = {
  id: 'customer-said-so',
  name: 'Customers acknowledged the improvement',
  guidance: 'Look for the customer’s own words, not ours.',
  evidence: 'A quote or a source from the customer',
  kind: 'customer_acknowledgement',
  weight: 3,
};
const outcome = { ...criterion, id: 'lead-time', name: 'Measured change for the customer', kind: 'outcome', weight: 5 };
const category = { id: 'faster', name: 'Faster for customers', description: 'Less waiting for the customer.', criteria: [outcome, criterion] };
const round = {
  id: '2027-q1',
  name: '2027 Q1',
  submissionOpens: '2027-01-04',
  submissionCloses: '2027-02-26',
  judgingEnds: '2027-03-12',
  announceOn: '2027-03-15',
  categories: [category],
};

const issues = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('CriterionSchema', () => {
  it('accepts the three kinds: outcome, method and the customer’s acknowledgement', () => {
    for (const kind of ['outcome', 'method', 'customer_acknowledgement']) {
      expect(CriterionSchema.safeParse({ ...criterion, kind }).success).toBe(true);
    }
  });

  it('has no kind for usage, and says why', () => {
    expect(issues(CriterionSchema.safeParse({ ...criterion, kind: 'usage' }))).toEqual([
      'kind: must be "outcome", "method" or "customer_acknowledgement" (usage figures are never criteria)',
    ]);
  });

  it('refuses usage figures in the name, the guidance or the evidence, with the clear message', () => {
    const message = 'must judge what changed for the customer: usage figures ("I did this" counts, adoption, views) are never criteria';
    expect(issues(CriterionSchema.safeParse({ ...criterion, name: 'Adoption of the extension' }))).toEqual([`name: ${message}`]);
    expect(issues(CriterionSchema.safeParse({ ...criterion, guidance: 'Count the "I did this" clicks' }))).toEqual([`guidance: ${message}`]);
    expect(issues(CriterionSchema.safeParse({ ...criterion, evidence: 'Stories seen by the team' }))).toEqual([`evidence: ${message}`]);
    expect(issues(CriterionSchema.safeParse({ ...criterion, name: 'Active installs in the department' }))).toEqual([`name: ${message}`]);
    // Found by the dashboard's rounds test: the past tense slipped through.
    expect(issues(CriterionSchema.safeParse({ ...criterion, guidance: 'Count how often the team clicked the new tab' }))).toEqual([`guidance: ${message}`]);
    expect(issues(CriterionSchema.safeParse({ ...criterion, evidence: 'Times the team opened Customer Chair' }))).toEqual([`evidence: ${message}`]);
  });

  it('does not mistake customer words for usage figures', () => {
    for (const name of ['Customers viewed their orders sooner', 'Reviews from the customer', 'Lead time from 5 days to 5 hours']) {
      expect(CriterionSchema.safeParse({ ...criterion, name }).success).toBe(true);
    }
  });

  it('weighs 1 to 10, whole numbers only', () => {
    for (const weight of [1, 10]) expect(CriterionSchema.safeParse({ ...criterion, weight }).success).toBe(true);
    for (const weight of [0, 11, 2.5, -1]) expect(CriterionSchema.safeParse({ ...criterion, weight }).success).toBe(false);
  });

  it('bounds its texts and refuses unknown fields', () => {
    expect(issues(CriterionSchema.safeParse({ ...criterion, name: 'n'.repeat(81) }))).toEqual(['name: must be at most 80 characters']);
    expect(issues(CriterionSchema.safeParse({ ...criterion, guidance: ' ' }))).toEqual(['guidance: must not be empty']);
    expect(CriterionSchema.safeParse({ ...criterion, usageMetric: 'clicks' }).success).toBe(false);
  });
});

describe('CategorySchema', () => {
  it('needs at least one criterion and no repeated criterion id', () => {
    expect(issues(CategorySchema.safeParse({ ...category, criteria: [] }))).toEqual(['criteria: must have at least one criterion']);
    expect(issues(CategorySchema.safeParse({ ...category, criteria: [criterion, { ...outcome, id: criterion.id }] }))).toEqual([
      'criteria: must not repeat a criterion id',
    ]);
  });

  it('holds at most ten criteria', () => {
    const criteria = Array.from({ length: 11 }, (_, i) => ({ ...outcome, id: `c${i}` }));
    expect(CategorySchema.safeParse({ ...category, criteria: criteria.slice(0, 10) }).success).toBe(true);
    expect(CategorySchema.safeParse({ ...category, criteria }).success).toBe(false);
  });
});

describe('RoundSchema', () => {
  it('accepts a round whose dates follow each other', () => {
    expect(RoundSchema.parse(round)).toEqual(round);
  });

  it('accepts phases that share a day (closing and judging the same day)', () => {
    const sameDay = { ...round, submissionCloses: '2027-03-12', judgingEnds: '2027-03-12', announceOn: '2027-03-12' };
    expect(RoundSchema.safeParse(sameDay).success).toBe(true);
  });

  it('refuses dates out of order, naming the later field and the day it must follow', () => {
    expect(issues(RoundSchema.safeParse({ ...round, submissionCloses: '2027-01-03' }))).toEqual([
      'submissionCloses: must not be before submissionOpens (2027-01-04)',
    ]);
    expect(issues(RoundSchema.safeParse({ ...round, judgingEnds: '2027-02-25' }))).toEqual([
      'judgingEnds: must not be before submissionCloses (2027-02-26)',
    ]);
    expect(issues(RoundSchema.safeParse({ ...round, announceOn: '2027-03-11' }))).toEqual([
      'announceOn: must not be before judgingEnds (2027-03-12)',
    ]);
  });

  it('refuses impossible days', () => {
    expect(issues(RoundSchema.safeParse({ ...round, submissionOpens: '2027-02-30' }))).toEqual([
      'submissionOpens: must be a real date as YYYY-MM-DD',
    ]);
  });

  it('needs at least one category and no repeated category id', () => {
    expect(issues(RoundSchema.safeParse({ ...round, categories: [] }))).toEqual(['categories: must have at least one category']);
    expect(issues(RoundSchema.safeParse({ ...round, categories: [category, { ...category, name: 'Again' }] }))).toEqual([
      'categories: must not repeat a category id',
    ]);
  });

  it('refuses a usage criterion anywhere in its categories, naming where', () => {
    const usage = { ...category, criteria: [outcome, { ...criterion, name: 'Usage of the new tab' }] };
    expect(RoundSchema.safeParse({ ...round, categories: [category, { ...usage, id: 'second' }] }).error?.issues.map((i) => i.path.join('.'))).toEqual([
      'categories.1.criteria.1.name',
    ]);
  });

  it('refuses an id that is not a slug and a name over 60 characters', () => {
    expect(RoundSchema.safeParse({ ...round, id: '2027 Q1' }).success).toBe(false);
    expect(issues(RoundSchema.safeParse({ ...round, name: 'r'.repeat(61) }))).toEqual(['name: must be at most 60 characters']);
  });
});

describe('RoundRecordSchema and OpenRoundsSchema', () => {
  it('a record adds its revision, its phase and when results were published', () => {
    const record = { ...round, revision: 2, phase: 'judging', resultsPublishedAt: null };
    expect(RoundRecordSchema.parse(record)).toEqual(record);
    expect(RoundRecordSchema.safeParse({ ...record, phase: 'closed' }).success).toBe(false);
    expect(RoundRecordSchema.safeParse({ ...record, revision: 0 }).success).toBe(false);
    expect(RoundRecordSchema.safeParse({ ...record, announceOn: '2027-03-01' }).success).toBe(false);
  });

  it('the extension’s list of rounds checks each round', () => {
    expect(OpenRoundsSchema.parse({ rounds: [round] }).rounds).toHaveLength(1);
    expect(OpenRoundsSchema.safeParse({ rounds: [{ ...round, judgingEnds: '2027-01-01' }] }).success).toBe(false);
  });
});
