import { LIMITS } from '../schemas/limits';
import { shorten } from './shorten';

/** How many characters of the message's first words make the draft story's title. */
export const VOICE_STORY_TITLE_MAX = 80;
/** Who told the story when the inbox may not name the department. */
export const SMALL_DEPARTMENT_TELLER = 'a colleague in a small department';

/** The fields of the draft story a customer voice becomes (the rest is left for the CX lead to write). */
export type VoiceStoryDraft = { title: string; customer: string; body: string; source: string };

/**
 * A customer voice ("What did a customer tell you?") as a draft story:
 * titled with the text's first words, told by "a customer, as told by" the
 * department (or by "a colleague in a small department" when the inbox
 * masks it), the text as the body, and the day it came as the source.
 */
export function draftVoiceStory(message: { text: string; departmentName: string | null; day: string }): VoiceStoryDraft {
  const firstLine = message.text.trim().split('\n').find((line) => line.trim() !== '') ?? message.text;
  const teller = message.departmentName ?? SMALL_DEPARTMENT_TELLER;
  const customer = 'A customer, as told by ';
  return {
    title: shorten(firstLine.replace(/\s+/g, ' '), VOICE_STORY_TITLE_MAX),
    customer: `${customer}${shorten(teller, LIMITS.customer - customer.length)}`,
    body: shorten(message.text, LIMITS.body),
    source: `Employee voice, ${message.day}`,
  };
}
