/**
 * Splits groups into those big enough to show on their own and those that
 * must be folded together, so that no figure describes fewer than
 * `minGroupSize` people (the k-anonymity rule of HR-analytics tools).
 */
export function suppressSmallGroups<T>(
  groups: readonly T[],
  minGroupSize: number,
  sizeOf: (group: T) => number,
): { shown: T[]; folded: T[] } {
  const shown: T[] = [];
  const folded: T[] = [];
  for (const group of groups) (sizeOf(group) >= minGroupSize ? shown : folded).push(group);
  return { shown, folded };
}
