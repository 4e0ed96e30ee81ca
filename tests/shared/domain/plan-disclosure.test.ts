import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planBucket, planDisclosure, type DisclosureBucket } from '../../../shared/src/domain/plan-disclosure';

/** A bucket from the installs in each group: sizes and union sizes as the roll-ups would give them. */
function bucket(members: Record<string, string[]>): DisclosureBucket {
  return {
    sizes: new Map(Object.entries(members).map(([group, installs]) => [group, new Set(installs).size])),
    unionSize: (groups) => new Set(groups.flatMap((group) => members[group] ?? [])).size,
  };
}

/** `n` install ids starting with `prefix`. */
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

const K = 5;

describe('planBucket', () => {
  it('names every group when all have at least k installs', () => {
    expect(planBucket(bucket({ sales: ids('s', 5), legal: ids('l', 9) }), K)).toEqual({ named: ['sales', 'legal'], folded: [], withheld: false });
  });

  it('folds a named group of 6 with a lone small one of 2, so "other" is never one department (issue 14, finding 2)', () => {
    expect(planBucket(bucket({ sales: ids('s', 6), legal: ids('l', 2) }), K)).toEqual({ named: [], folded: ['legal', 'sales'], withheld: false });
  });

  it('names the large groups when the small ones together reach k from at least two groups', () => {
    const plan = planBucket(bucket({ sales: ids('s', 6), legal: ids('l', 2), it: ids('i', 2), hr: ids('h', 1) }), K);
    expect(plan).toEqual({ named: ['sales'], folded: ['hr', 'it', 'legal'], withheld: false });
  });

  it('counts an install in two small groups once, and then folds the smallest named group as well', () => {
    // legal and it hold 2 + 3 installs, but one of them is in both: 4 distinct, fewer than k.
    const plan = planBucket(bucket({ sales: ids('s', 6), it: ids('i', 8), legal: ['l0', 'l1'], safety: ['l1', 'f0', 'f1'] }), K);
    expect(plan).toEqual({ named: ['it'], folded: ['legal', 'safety', 'sales'], withheld: false });
  });

  it('withholds a bucket that even all its groups together cannot make safe', () => {
    expect(planBucket(bucket({ legal: ids('l', 2), it: ids('i', 2) }), K)).toEqual({ named: [], folded: ['it', 'legal'], withheld: true });
    // One small group alone is one group's figure, whatever else is folded with it: nothing.
    expect(planBucket(bucket({ legal: ids('l', 4) }), K)).toMatchObject({ withheld: true });
    // One large group alone has nothing to fold with, and needs nothing.
    expect(planBucket(bucket({ sales: ids('s', 5) }), K)).toEqual({ named: ['sales'], folded: [], withheld: false });
  });

  it('leaves out groups with no installs, and an empty bucket is safe', () => {
    expect(planBucket(bucket({ sales: ids('s', 5), legal: [] }), K)).toEqual({ named: ['sales'], folded: [], withheld: false });
    expect(planBucket(bucket({}), K)).toEqual({ named: [], folded: [], withheld: false });
  });

  it('folds the same groups whatever order they come in: smallest first, then by id', () => {
    const members = { b: ids('b', 5), a: ids('a', 5), c: ids('c', 6), small: ids('x', 2) };
    const reversed = Object.fromEntries(Object.entries(members).reverse());
    const plan = planBucket(bucket(members), K);
    expect(plan).toEqual({ named: ['b', 'c'], folded: ['small', 'a'], withheld: false });
    expect(planBucket(bucket(reversed), K)).toEqual(plan);
  });
});

describe('planDisclosure', () => {
  it('names a group over a range only if it was folded in none of its buckets', () => {
    const plan = planDisclosure(
      [
        bucket({ sales: ids('s', 6), legal: ids('l', 6), it: ids('i', 6) }),
        // it is small this week, and legal (the smallest named) is folded with it.
        bucket({ sales: ids('s', 7), legal: ids('l', 6), it: ids('i', 2) }),
      ],
      K,
    );
    expect(plan.buckets.map((b) => b.named)).toEqual([['it', 'legal', 'sales'], ['sales']]);
    expect(plan.named).toEqual(['sales']);
    expect(plan.folded).toEqual(['it', 'legal']);
  });

  it("'drop' leaves a withheld bucket out of the range; 'fold' shows it, everything in other", () => {
    const buckets = [bucket({ sales: ids('s', 6), legal: ids('l', 5) }), bucket({ legal: ids('l', 3) })];
    const dropped = planDisclosure(buckets, K);
    expect(dropped.buckets[1]).toEqual({ named: [], folded: ['legal'], withheld: true });
    // The withheld week is in no figure, so legal's small week does not stop it being named.
    expect([dropped.named, dropped.folded]).toEqual([['legal', 'sales'], []]);

    const folded = planDisclosure(buckets, K, { withheld: 'fold' });
    expect(folded.buckets[1]).toEqual({ named: [], folded: ['legal'], withheld: false });
    expect([folded.named, folded.folded]).toEqual([['sales'], ['legal']]);
  });

  it('is empty for no buckets, and gives its groups sorted by id', () => {
    expect(planDisclosure([], K)).toEqual({ buckets: [], named: [], folded: [] });
    const plan = planDisclosure([bucket({ zeta: ids('z', 5), alpha: ids('a', 5), mid: ids('m', 1), beta: ids('b', 4) })], K);
    expect([plan.named, plan.folded]).toEqual([['alpha', 'zeta'], ['beta', 'mid']]);
  });

  it('never lets a shown cell, nor the difference of two ranges, hold fewer than k installs (property)', () => {
    const week = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.uniqueArray(fc.integer({ min: 0, max: 14 }), { maxLength: 9 }), { maxKeys: 5 });
    fc.assert(
      fc.property(fc.array(week, { minLength: 1, maxLength: 6 }), fc.integer({ min: 2, max: 6 }), fc.nat(), fc.nat(), (weeks, k, x, y) => {
        // Installs are ids per group, so one install may be in several groups of a week (it moved).
        const members = weeks.map((w) => Object.fromEntries(Object.entries(w).map(([g, list]) => [g, list.map(String)])));
        const buckets = members.map(bucket);
        // Every bucket shown holds named groups of at least k and an "other" of at least k from at least two groups.
        for (const [i, split] of planDisclosure(buckets, k).buckets.entries()) {
          if (split.withheld) continue;
          for (const group of split.named) expect(buckets[i]!.sizes.get(group)).toBeGreaterThanOrEqual(k);
          if (split.folded.length) {
            expect(split.folded.length).toBeGreaterThanOrEqual(2);
            expect(buckets[i]!.unionSize(split.folded)).toBeGreaterThanOrEqual(k);
          }
        }
        // Two ranges of whole buckets, one inside the other: a group named in both is, in the weeks between
        // them, a sum of kept weeks in which it was named, each of at least k installs.
        const [start, end] = [x % weeks.length, y % weeks.length].sort((p, q) => p - q);
        const outer = planDisclosure(buckets, k);
        const inner = planDisclosure(buckets.slice(start, end! + 1), k);
        // A bucket is split the same way whatever range it is part of.
        expect(inner.buckets).toEqual(outer.buckets.slice(start, end! + 1));
        for (const group of outer.named.filter((g) => inner.named.includes(g))) {
          outer.buckets.forEach((split, i) => {
            if (split.withheld || (i >= start! && i <= end!)) return;
            const size = buckets[i]!.sizes.get(group) ?? 0;
            if (size > 0) expect(split.named).toContain(group);
            if (size > 0) expect(size).toBeGreaterThanOrEqual(k);
          });
        }
      }),
      { seed: 14, numRuns: 300 },
    );
  });
});
