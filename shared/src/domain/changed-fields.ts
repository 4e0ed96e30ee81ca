/** The keys whose values differ between `before` and `after` (arrays and objects compared by value, whatever their key order). */
export function changedFields<T extends object>(before: T, after: T, keys: readonly (keyof T)[]): string[] {
  return keys.filter((key) => JSON.stringify(before[key] ?? null, sortedKeys) !== JSON.stringify(after[key] ?? null, sortedKeys)).map(String);
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
