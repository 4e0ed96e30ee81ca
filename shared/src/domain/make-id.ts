import { LIMITS } from '../schemas/limits';

/**
 * A readable id made from `text` ("The night nurse" → "the-night-nurse"),
 * with "-2", "-3"… added when `taken` already has it.
 */
export function makeId(text: string, taken: ReadonlySet<string>, fallback = 'item'): string {
  const slug =
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, LIMITS.id - 4)
      .replace(/-+$/, '') || fallback;
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) {
    const candidate = `${slug}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
