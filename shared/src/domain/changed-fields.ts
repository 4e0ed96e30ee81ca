/** The keys whose values differ between `before` and `after` (arrays and objects compared by value). */
export function changedFields<T extends object>(before: T, after: T, keys: readonly (keyof T)[]): string[] {
  return keys.filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)).map(String);
}
