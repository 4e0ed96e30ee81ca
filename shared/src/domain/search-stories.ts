import type { Story } from '../schemas/story';

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * The stories matching every word of `query` in any of their text (title,
 * customer, quote, body, impact, source, tags, id), case and accents ignored.
 */
export function searchStories<T extends Story>(stories: T[], query: string): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return stories;
  return stories.filter((story) => {
    const haystack = fold(
      [story.id, story.title, story.customer, story.quote, story.body, story.impact, story.source, ...story.tags].join('\n'),
    );
    return words.every((word) => haystack.includes(word));
  });
}
