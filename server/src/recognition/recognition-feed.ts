// feedsmith (github.com/macieklamberski/feedsmith, MIT, released every few weeks, typed, one XML dependency) writes
// the feed: it follows RFC 4287 and writes Atom text constructs with the type we give, so every title, summary and
// content goes out as type="text". `feed` (jpmonette/feed), the older choice, writes them all as type="html", which
// would have feed readers render whatever markup a team typed.
import { generateAtomFeed } from 'feedsmith';
import type { RecognizedStory } from '../storage/queries/list-recognized-stories';

/** Where the feed and its posters are, as the reader asked for them. */
export type FeedPlace = {
  /** The server's origin as the request reached it ("https://chair.example.com"). */
  origin: string;
  /** The enrollment key the reader put in the feed's URL, repeated in the posters' links so they open too. */
  key?: string;
  /** When the feed was asked for: its `updated` while it has no entry. */
  now: Date;
};

export const FEED_PATH = '/api/v1/recognition/feed.atom';
export const POSTER_PATH = '/recognition/posters';

/** The link to a winner's poster (with the reader's key when they gave one in the feed's URL). */
export function posterUrl(place: Pick<FeedPlace, 'origin' | 'key'>, storyId: string): string {
  const url = new URL(`${POSTER_PATH}/${encodeURIComponent(storyId)}`, place.origin);
  if (place.key !== undefined) url.searchParams.set('key', place.key);
  return url.href;
}

/** A story's before, after and method: as the team wrote them, else as the story carries them. */
export function storyParts(story: RecognizedStory): { before?: string; after?: string; method?: string } {
  if (story.entry) return story.entry;
  return { method: story.body };
}

/**
 * The Atom feed of recognized stories (already filtered and ordered, newest
 * first): one entry per winner titled "Recognized: <category>, <round>",
 * written by the team, its text the team, the customer, before and after,
 * the method, the customer's words and a link to the poster. Plain text
 * throughout (type="text"): nothing a team typed is ever read as markup.
 *
 * Ids and the self link never carry the key; `updated` of an entry is when
 * its story last changed, never before its announcement day.
 */
export function recognitionFeed(stories: readonly RecognizedStory[], place: FeedPlace): string {
  const entries = stories.map((story) => {
    const { recognition: mark } = story;
    const parts = storyParts(story);
    const announced = new Date(`${story.publishOn}T00:00:00Z`);
    const changed = new Date(story.updatedAt);
    const updated = changed > announced ? changed : announced;
    const poster = posterUrl(place, story.id);
    const lines = [
      `Team: ${mark.teamName}`,
      `Customer: ${story.customer}`,
      ...(parts.before !== undefined && parts.after !== undefined ? [`Before: ${parts.before}`, `After: ${parts.after}`] : story.impact ? [story.impact] : []),
      ...(parts.method !== undefined ? [`How they did it: ${parts.method}`] : []),
      ...(story.quote ? [`In the customer's words: "${story.quote}"${story.source ? ` (${story.source})` : ''}`] : []),
      `Poster: ${poster}`,
    ];
    return {
      id: new URL(`${POSTER_PATH}/${encodeURIComponent(story.id)}`, place.origin).href,
      title: { value: `Recognized: ${mark.categoryName}, ${mark.roundName}`, type: 'text' },
      updated,
      published: announced,
      authors: [{ name: mark.teamName }],
      links: [{ href: poster, rel: 'alternate', type: 'text/html', title: `Poster: ${mark.teamName}` }],
      categories: [{ term: 'recognized' }, { term: mark.categoryName }],
      summary: { value: `${mark.teamName} for ${story.customer}${story.impact ? `: ${story.impact}` : ''}`, type: 'text' },
      content: { value: lines.join('\n\n'), type: 'text' },
    };
  });
  const self = new URL(FEED_PATH, place.origin).href;
  const latest = entries.reduce<Date | undefined>((max, entry) => (max === undefined || entry.updated > max ? entry.updated : max), undefined);
  return generateAtomFeed({
    id: self,
    title: { value: 'Customer Chair: recognized customer wins', type: 'text' },
    subtitle: { value: 'Teams recognized in each round for what they changed for their customers, and how.', type: 'text' },
    updated: latest ?? place.now,
    authors: [{ name: 'Customer Chair' }],
    links: [{ href: self, rel: 'self', type: 'application/atom+xml' }],
    generator: { text: 'Customer Chair' },
    entries,
  });
}
