import { storyForChat } from '@customer-chair/shared/domain/story-as-text';
import type { Department } from '@customer-chair/shared/schemas/department';
import type { Prompt } from '@customer-chair/shared/schemas/prompt';
import type { Story } from '@customer-chair/shared/schemas/story';
import { ThankButtons } from './thank-buttons';

/** Google Meet's chat takes at most 500 characters; the card shortens the story to fit. */
const MEET_CHAT_LIMIT = 500;

/**
 * The story as the extension will show it: the same elements and text as the
 * new tab's story card and the meeting card (extension/components), always as
 * text — markup characters stay characters.
 */
export function StoryPreview({ story, question, departments = [] }: { story: Story; question?: Prompt; departments?: Pick<Department, 'id' | 'name'>[] }) {
  // As the new tab splits the body: paragraphs on blank lines.
  const paragraphs = story.body.split(/\n\s*\n/).filter((p) => p.trim());
  // The credited teams by name, in the order credited (the extension's ThankButtons).
  const teams = (story.credits ?? []).map((id) => departments.find((d) => d.id === id)?.name ?? id);
  return (
    <section class="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">Live preview</h2>
      <p class="hint">Updates as you type: exactly the text employees will see.</p>

      <h3 class="preview-label">New tab</h3>
      <article class="preview-newtab" data-testid="preview-newtab">
        <p class="eyebrow">Today’s customer story</p>
        <p class="nt-title">{story.title || 'Title'}</p>
        <p class="nt-customer">{story.customer || 'Customer'}</p>
        {story.quote && (
          <blockquote class="nt-quote">
            <p>{story.quote}</p>
          </blockquote>
        )}
        {paragraphs.map((p, i) => (
          <p key={i} class="nt-body">
            {p}
          </p>
        ))}
        {story.impact && (
          <p class="nt-impact">
            <strong>Impact </strong>
            {story.impact}
          </p>
        )}
        {story.source && <p class="nt-source">Source: {story.source}</p>}
        <ThankButtons teams={teams} testId="preview-thanks" />
      </article>

      <h3 class="preview-label">Meeting card</h3>
      <div class="preview-card" data-testid="preview-card">
        <p class="card-bar">
          <span class="seat" aria-hidden="true" />
          Customer chair
        </p>
        <div class="card-story">
          <p class="card-title">{story.title || 'Title'}</p>
          <p class="card-customer">{story.customer || 'Customer'}</p>
          {story.quote && <blockquote class="card-quote">{story.quote}</blockquote>}
          <ThankButtons teams={teams} />
        </div>
        {question && (
          <div class="card-question">
            <p class="card-label">Ask in this meeting</p>
            <p>{question.text}</p>
          </div>
        )}
      </div>

      <h3 class="preview-label">Inserted into a meeting chat</h3>
      <p class="preview-chat" data-testid="preview-chat">
        {storyForChat(story, MEET_CHAT_LIMIT)}
      </p>
    </section>
  );
}
