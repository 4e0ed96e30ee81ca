import type { Prompt } from '../schemas/prompt';
import type { Story } from '../schemas/story';
import { recognitionLine } from './recognition-line';
import { shorten } from './shorten';

/** The story as plain text, for "Share" and "Copy story": never markup. A recognized story says so after its customer. */
export function storyAsText(story: Story, question?: Prompt): string {
  const parts = [`${story.title}`, `— ${story.customer}`];
  if (story.recognition) parts.push(recognitionLine(story.recognition));
  if (story.quote) parts.push(`“${story.quote}”`);
  parts.push(story.body);
  if (story.impact) parts.push(`Impact: ${story.impact}`);
  if (story.source) parts.push(`Source: ${story.source}`);
  if (question) parts.push(`Customer chair question: ${question.text}`);
  return parts.join('\n\n');
}

/**
 * A short agenda item to open a meeting with: the story in two lines (three
 * with a recognition mark), the question, and the reminder that the customer
 * has a seat. With `maxLength` (a chat's message limit), the quote is
 * shortened until it fits.
 */
export function agendaBlock(story: Story, prompt: Prompt | undefined, maxLength = Infinity): string {
  const head = ['Customer chair (2 min)', `• Story: ${story.title} — ${story.customer}`, ...markLines(story, '• ')];
  const tail = [...(prompt ? [`• Question: ${prompt.text}`] : []), '• The customer has a seat at this meeting: before we decide, ask what they would say.'];
  return fitQuote(head, (q) => `• ${q}`, quoteLine(story), tail, maxLength);
}

/**
 * The story in a few lines for a meeting chat: title, customer, the
 * recognition mark if any, the quote (or the body's first sentence) and the
 * impact, within `maxLength` characters.
 */
export function storyForChat(story: Story, maxLength = Infinity): string {
  const head = [`Customer story: ${story.title} — ${story.customer}`, ...markLines(story, '')];
  const withImpact = fitQuote(head, (q) => q, quoteLine(story), story.impact ? [`Impact: ${story.impact}`] : [], Infinity);
  // A long impact line gives way before the quote is cut.
  return withImpact.length <= maxLength ? withImpact : fitQuote(head, (q) => q, quoteLine(story), [], maxLength);
}

/** The recognition mark's line, for a recognized story only. */
function markLines(story: Story, bullet: string): string[] {
  return story.recognition ? [`${bullet}${recognitionLine(story.recognition)}`] : [];
}

/** The quote in quotation marks, or the body's first sentence; `shorten` cuts inside the marks. */
function quoteLine(story: Story): { text: string; wrap: (q: string) => string } {
  return story.quote !== undefined ? { text: story.quote, wrap: (q) => `“${q}”` } : { text: firstSentence(story.body), wrap: (q) => q };
}

/** head, the quote's line and tail joined by newlines; only the quote is shortened to fit `maxLength`. */
function fitQuote(head: string[], bullet: (line: string) => string, quote: { text: string; wrap: (q: string) => string }, tail: string[], maxLength: number): string {
  const join = (q: string) => [...head, bullet(quote.wrap(q)), ...tail].join('\n');
  const whole = join(quote.text);
  if (whole.length <= maxLength) return whole;
  const room = maxLength - (whole.length - quote.text.length);
  return room >= 20 ? join(shorten(quote.text, room)) : shorten([...head, ...tail].join('\n'), maxLength);
}

function firstSentence(text: string): string {
  const match = /^[\s\S]*?[.!?](\s|$)/.exec(text);
  return (match ? match[0] : text).trim();
}
