import type { EntryDraft } from '../schemas/recognition-entry';
import type { Category, Round } from '../schemas/recognition-round';
import { LIMITS } from '../schemas/limits';
import type { Story } from '../schemas/story';
import { shorten } from './shorten';

/** A winning entry as stored: its id and what the team wrote. */
export type WinningEntry = Pick<EntryDraft, 'team' | 'customer' | 'before' | 'after' | 'method' | 'acknowledgement'> & { id: string };

/** The tag every recognized story carries. */
const TAG = 'recognized';

/**
 * The customer story a winner becomes, told like the other stories: titled
 * "Recognized: <category>, <round>", with the customer, the customer's own
 * words and where they said them, "Before: … After: …" as its impact, and
 * the team and the method others can reuse as its body. It shows from the
 * announcement day (`publishOn`), carries the recognition mark and the tag
 * "recognized", and its id follows from the entry's, so publishing twice
 * makes the same story.
 *
 * It credits the team's department (a "Thank <department>" button with the
 * story), unless `departmentIds`, the company's departments, are given and
 * no longer hold it (a department deleted since the entry was sent).
 *
 * Every field fits the story's bounds, which are tighter than an entry's:
 * the longest texts are shortened first (ending in "…"), and when the
 * impact cannot hold the before and after whole, the body carries them.
 */
export function recognizedStory(
  entry: WinningEntry,
  round: Pick<Round, 'name' | 'announceOn'>,
  category: Pick<Category, 'name'>,
  departmentIds?: ReadonlySet<string>,
): Story {
  const titleRoom = LIMITS.storyTitle - 'Recognized: , '.length - round.name.length;
  const [before, after] = fit([entry.before, entry.after], LIMITS.impact - 'Before:  After: '.length);
  const impact = `Before: ${before} After: ${after}`;
  const whole = before === entry.before.trim() && after === entry.after.trim();

  const team = `Team: ${entry.team.name}`;
  const labels = whole ? ['How they did it: '] : ['Before: ', 'After: ', 'How they did it: '];
  const texts = whole ? [entry.method] : [entry.before, entry.after, entry.method];
  const room = LIMITS.body - team.length - labels.join('').length - '\n\n'.length * labels.length;
  const body = [team, ...fit(texts, room).map((text, i) => `${labels[i]}${text}`)].join('\n\n');

  const story: Story = {
    id: storyId(entry.id),
    title: `Recognized: ${shorten(category.name, titleRoom)}, ${round.name}`,
    customer: shorten(entry.customer, LIMITS.customer),
    body,
    impact,
    tags: [TAG],
    publishOn: round.announceOn,
    archived: false,
    recognition: { roundName: round.name, categoryName: category.name, teamName: entry.team.name },
  };
  if (!departmentIds || departmentIds.has(entry.team.department)) story.credits = [entry.team.department];
  if (entry.acknowledgement) {
    story.quote = shorten(entry.acknowledgement.quote, LIMITS.quote);
    story.source = shorten(entry.acknowledgement.source, LIMITS.source);
  }
  return story;
}

/** "recognized-<entry id>", as a story id may be written (lower-case slug, at most LIMITS.id). */
function storyId(entryId: string): string {
  return `${TAG}-${entryId.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')}`.slice(0, LIMITS.id).replace(/-+$/, '');
}

/**
 * The texts shortened to fit `room` characters together: each gets an equal
 * share, and a text shorter than its share leaves the rest to the others.
 */
function fit(texts: readonly string[], room: number): string[] {
  const trimmed = texts.map((t) => t.trim());
  const shares = new Array<number>(trimmed.length);
  let left = room;
  const shortestFirst = trimmed.map((t, i) => [t.length, i] as const).sort(([a], [b]) => a - b);
  shortestFirst.forEach(([length, i], n) => {
    shares[i] = Math.min(length, Math.floor(left / (trimmed.length - n)));
    left -= shares[i]!;
  });
  return trimmed.map((t, i) => shorten(t, shares[i]!));
}
