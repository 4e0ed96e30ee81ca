/**
 * The disclosure rule, in one place: *no answer, and no combination of
 * answers, reveals a figure about fewer than k installs.*
 *
 * Figures are only ever sums of fixed buckets (whole weeks). In each bucket
 * the groups (departments; roles, surfaces or actions inside a department)
 * are split once, the same way whatever was asked:
 * - a group with fewer than k installs is folded;
 * - the folded groups together must hold at least k installs from at least
 *   two groups, or "other" would be one group's figure (and total minus the
 *   named groups gives "other" back), so the smallest named group is folded
 *   as well until they do (complementary suppression, as statistical
 *   agencies do for tables with published totals);
 * - when even folding everything is not enough, the bucket is withheld.
 * Over a range of buckets, a group is named only if it was folded in none of
 * them. Every figure a range shows is then a sum of per-bucket cells that
 * each hold at least k installs (a named group's bucket, or a bucket's folded
 * groups together), and those cells never overlap, so no difference of
 * answers can isolate fewer than k installs.
 */

/** One bucket's groups: distinct installs per group, and across any set of them. */
export type DisclosureBucket = {
  /** Distinct installs active in each group in this bucket (groups with none may be left out). */
  sizes: ReadonlyMap<string, number>;
  /** Distinct installs across these groups together (an install in two of them counts once). */
  unionSize: (groups: readonly string[]) => number;
};

export type BucketPlan = {
  /** Groups shown on their own in this bucket. */
  named: string[];
  /** Groups shown only together, as "other" (empty, or at least two groups with at least k installs). */
  folded: string[];
  /** Nothing of this bucket may be shown: even all its groups together are too few. */
  withheld: boolean;
};

export type DisclosurePlan = {
  buckets: BucketPlan[];
  /** Groups that may be named over the whole range: active in some kept bucket, folded in none. */
  named: string[];
  /** Groups active in some kept bucket that may not be named over the range. */
  folded: string[];
};

/** How one bucket's groups are shown; the same whatever range it is part of. */
export function planBucket(bucket: DisclosureBucket, minGroupSize: number): BucketPlan {
  const active = [...bucket.sizes].filter(([, size]) => size > 0);
  // Smallest first, then by id, so that the same data always folds the same groups.
  active.sort(([a, x], [b, y]) => x - y || (a < b ? -1 : a > b ? 1 : 0));
  const folded = active.filter(([, size]) => size < minGroupSize).map(([group]) => group);
  const named = active.filter(([, size]) => size >= minGroupSize).map(([group]) => group);
  const safe = () => folded.length === 0 || (folded.length >= 2 && bucket.unionSize(folded) >= minGroupSize);
  while (!safe() && named.length > 0) folded.push(named.shift()!);
  return { named, folded, withheld: !safe() };
}

/**
 * The plan for a range made of `buckets`: each bucket's split, and the
 * groups that may be named over all of them. A withheld bucket's figures
 * are either left out of every answer (`withheld: 'drop'`, for the whole
 * company's groups) or shown only inside the group that holds them
 * (`'fold'`: a department known to be large enough, whose roles are not).
 */
export function planDisclosure(
  buckets: readonly DisclosureBucket[],
  minGroupSize: number,
  options: { withheld: 'drop' | 'fold' } = { withheld: 'drop' },
): DisclosurePlan {
  const plans = buckets.map((bucket) => {
    const plan = planBucket(bucket, minGroupSize);
    return plan.withheld && options.withheld === 'fold' ? { named: [], folded: [...plan.named, ...plan.folded], withheld: false } : plan;
  });
  const seen = new Set<string>();
  const blocked = new Set<string>();
  for (const plan of plans) {
    if (plan.withheld) continue;
    for (const group of plan.named) seen.add(group);
    for (const group of plan.folded) {
      seen.add(group);
      blocked.add(group);
    }
  }
  const sorted = [...seen].sort();
  return { buckets: plans, named: sorted.filter((g) => !blocked.has(g)), folded: sorted.filter((g) => blocked.has(g)) };
}

/**
 * The bucket with every group that has figures in it: a group with events
 * but no installs counted in it (an install that moved is counted in one
 * department a week; weeks from before installs were kept per surface or
 * action) is taken as too small, so it is folded, never named, and its
 * events never fall outside every published cell.
 */
export function withCountedGroups(bucket: DisclosureBucket, counted: Iterable<string>): DisclosureBucket {
  let sizes: Map<string, number> | undefined;
  for (const group of counted) {
    if ((bucket.sizes.get(group) ?? 0) > 0 || sizes?.has(group)) continue;
    sizes ??= new Map(bucket.sizes);
    sizes.set(group, 1);
  }
  return sizes ? { sizes, unionSize: bucket.unionSize } : bucket;
}
