import type { Prompt } from '../schemas/prompt';
import type { Story } from '../schemas/story';

/** The story as plain text, for "Share" and "Copy story": never markup. */
export function storyAsText(story: Story, question?: Prompt): string {
  const parts = [`${story.title}`, `— ${story.customer}`];
  if (story.quote) parts.push(`“${story.quote}”`);
  parts.push(story.body);
  if (story.impact) parts.push(`Impact: ${story.impact}`);
  if (story.source) parts.push(`Source: ${story.source}`);
  if (question) parts.push(`Customer chair question: ${question.text}`);
  return parts.join('\n\n');
}

/**
 * A short agenda item to open a meeting with: the story in two lines, the
 * question, and the reminder that the customer has a seat.
 */
export function agendaBlock(story: Story, prompt: Prompt | undefined): string {
  const lines = [
    'Customer chair (2 min)',
    `• Story: ${story.title} — ${story.customer}`,
    `• ${story.quote ? `“${story.quote}”` : firstSentence(story.body)}`,
  ];
  if (prompt) lines.push(`• Question: ${prompt.text}`);
  lines.push('• The customer has a seat at this meeting: before we decide, ask what they would say.');
  return lines.join('\n');
}

function firstSentence(text: string): string {
  const match = /^[\s\S]*?[.!?](\s|$)/.exec(text);
  return (match ? match[0] : text).trim();
}
