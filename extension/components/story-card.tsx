import type { Story } from '@customer-chair/shared/schemas/story';
import { RecognitionMark } from './recognition-mark';

/** Today's story, as plain text: paragraphs are split on blank lines, never parsed as HTML. A recognized story shows its mark above its title. */
export function StoryCard({ story, compact = false }: { story: Story; compact?: boolean }) {
  const paragraphs = story.body.split(/\n\s*\n/).filter((p) => p.trim());
  return (
    <article class="story" aria-labelledby="story-title">
      <p class="eyebrow">Today’s customer story</p>
      {story.recognition && <RecognitionMark mark={story.recognition} />}
      {/* elementtiming: `pnpm bench` times the paint of this title (Element Timing API). */}
      <h1 id="story-title" class="story-title" {...{ elementtiming: 'story-title' }}>
        {story.title}
      </h1>
      <p class="customer">{story.customer}</p>
      {story.quote && (
        <blockquote class="quote">
          <p>{story.quote}</p>
        </blockquote>
      )}
      {!compact && paragraphs.map((p, i) => <p key={i} class="body">{p}</p>)}
      {!compact && story.impact && (
        <p class="impact">
          <strong>Impact </strong>
          {story.impact}
        </p>
      )}
      {!compact && story.source && <p class="source">Source: {story.source}</p>}
    </article>
  );
}
