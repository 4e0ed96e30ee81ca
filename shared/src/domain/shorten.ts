/**
 * `text` cut to at most `max` characters, at a word boundary when one is
 * near, ending in "…" when anything was cut.
 */
export function shorten(text: string, max: number): string {
  const clean = text.trim();
  if (clean.length <= max) return clean;
  if (max <= 1) return '…'.slice(0, max);
  const cut = clean.slice(0, max - 1);
  // When the cut falls just before a space, the last word is whole.
  const space = /\s/.test(clean[max - 1]!) ? cut.length : cut.lastIndexOf(' ');
  // Cut at the last word boundary, unless that throws away most of the room.
  const kept = space >= max * 0.6 ? cut.slice(0, space) : cut;
  return `${kept.replace(/[\s,;:.—–-]+$/, '')}…`;
}
