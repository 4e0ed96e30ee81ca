import { describe, expect, it } from 'vitest';
import { demoRecognition } from '../../../shared/src/demo/demo-recognition';
import { demoContent } from '../../../shared/src/demo/demo-content';
import { EntryDraftSchema } from '../../../shared/src/schemas/recognition-entry';
import { RoundSchema } from '../../../shared/src/schemas/recognition-round';

describe('demoRecognition', () => {
  const { round, entries } = demoRecognition('2026-11-23');

  it('is one round open on the day it is seeded, named after its announcement quarter', () => {
    expect(RoundSchema.parse(round)).toEqual(round);
    expect(round).toMatchObject({ id: '2027-q1', name: '2027 Q1', submissionOpens: '2026-11-09', submissionCloses: '2026-12-14', judgingEnds: '2027-01-04', announceOn: '2027-01-11' });
    for (const today of ['2026-01-01', '2026-06-30', '2026-12-31', '2028-02-29']) {
      const other = demoRecognition(today).round;
      expect(RoundSchema.safeParse(other).success, today).toBe(true);
      expect(other.submissionOpens < today && today < other.submissionCloses, today).toBe(true);
      expect(other.name).toMatch(/^\d{4} Q[1-4]$/);
    }
  });

  it('has three categories, each with 2–4 weighted criteria, one of them the customer’s acknowledgement', () => {
    expect(round.categories.map((c) => c.name)).toEqual(['Faster for the customer', 'Fewer customer problems', 'Customer savings']);
    for (const category of round.categories) {
      expect(category.criteria.length).toBeGreaterThanOrEqual(2);
      expect(category.criteria.length).toBeLessThanOrEqual(4);
      expect(category.criteria.filter((c) => c.kind === 'customer_acknowledgement')).toHaveLength(1);
    }
  });

  it('has fictional entries that are valid drafts of the round, by teams of demo departments, submitted before that day', () => {
    expect(entries.length).toBeGreaterThanOrEqual(4);
    const departments = new Set(demoContent.departments.map((d) => d.id));
    for (const { submittedOn, ...entry } of entries) {
      const draft = { ...entry, roundId: round.id, installId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' };
      expect(EntryDraftSchema.safeParse(draft).error?.issues ?? []).toEqual([]);
      const category = round.categories.find((c) => c.id === entry.categoryId)!;
      expect(category, entry.team.name).toBeDefined();
      for (const check of entry.selfCheck) expect(category.criteria.map((c) => c.id)).toContain(check.criterionId);
      expect(departments.has(entry.team.department), entry.team.department).toBe(true);
      expect(submittedOn >= round.submissionOpens && submittedOn < '2026-11-23').toBe(true);
    }
    // The issue's examples of wins.
    const text = entries.map((e) => `${e.before} ${e.after}`).join('\n');
    for (const win of ['16X reduction', 'from 5 days to 5 hours', '$1M savings monthly', '75% reduction in customer-reported bugs']) expect(text).toContain(win);
  });
});
