import { describe, expect, it } from 'vitest';
import { draftVoiceStory, VOICE_STORY_TITLE_MAX } from '../../../shared/src/domain/draft-voice-story';
import { LIMITS } from '../../../shared/src/schemas/limits';
import { StorySchema } from '../../../shared/src/schemas/story';

describe('draftVoiceStory', () => {
  it('titles the story with the first words, says who told it, keeps the text and the day', () => {
    const text = 'The customer said our invoices arrive after their month-end close, so they pay us late every month.\n\nThey asked for the 25th.';
    expect(draftVoiceStory({ text, departmentName: 'Finance', day: '2026-11-23' })).toEqual({
      title: 'The customer said our invoices arrive after their month-end close, so they pay…',
      customer: 'A customer, as told by Finance',
      body: text,
      source: 'Employee voice, 2026-11-23',
    });
  });

  it('names no department when the inbox masks it', () => {
    expect(draftVoiceStory({ text: 'Short.', departmentName: null, day: '2026-11-23' })).toMatchObject({
      title: 'Short.',
      customer: 'A customer, as told by a colleague in a small department',
    });
  });

  it('takes the title from the first line that has words, on one line, within bounds', () => {
    const draft = draftVoiceStory({ text: '\n  \nThey   waited\ton hold.\nSecond line', departmentName: 'Sales', day: '2026-11-23' });
    expect(draft.title).toBe('They waited on hold.');
    const long = draftVoiceStory({ text: 'x'.repeat(LIMITS.voiceText), departmentName: 'D'.repeat(LIMITS.departmentName), day: '2026-11-23' });
    expect(long.title.length).toBeLessThanOrEqual(VOICE_STORY_TITLE_MAX);
    expect(long.customer.length).toBeLessThanOrEqual(LIMITS.customer);
  });

  it('is always a valid story, whatever the message and department', () => {
    for (const [text, departmentName] of [
      ['a', null],
      ['é'.repeat(LIMITS.voiceText), 'Ü'.repeat(LIMITS.departmentName)],
      [`${'word '.repeat(300)}`.trim(), 'Customer Support'],
    ] as const) {
      const parsed = StorySchema.safeParse({ id: 'x', ...draftVoiceStory({ text, departmentName, day: '2026-11-23' }) });
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
  });
});
