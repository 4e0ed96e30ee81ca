import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/src/schemas/limits';
import { agendaBlock, storyAsText, storyForChat } from '../../../shared/src/domain/story-as-text';

const story = {
  id: 'night-shift',
  title: 'The night nurse who could not log in',
  customer: 'St. Aldric Hospital — night charge nurse',
  quote: 'At 3 a.m. there is no IT desk.',
  body: 'First paragraph.\n\nSecond paragraph.',
  impact: 'Lock-outs went from 11 to 0.',
  source: 'Support ticket #48213',
  tags: [],
  archived: false,
};
const mark = { roundName: '2027 Q1', categoryName: 'Faster for the customer', teamName: 'Line 4 maintenance crew' };
const recognized = { ...story, recognition: mark };
const MARK_LINE = 'Recognized: Faster for the customer, 2027 Q1 — Line 4 maintenance crew';
const prompt = { id: 'want-this', text: 'Did customers tell us they want this?', where: 'both' as const };

describe('storyAsText', () => {
  it('is plain text with every part of the story', () => {
    expect(storyAsText(story)).toBe(
      [
        'The night nurse who could not log in',
        '— St. Aldric Hospital — night charge nurse',
        '“At 3 a.m. there is no IT desk.”',
        'First paragraph.\n\nSecond paragraph.',
        'Impact: Lock-outs went from 11 to 0.',
        'Source: Support ticket #48213',
      ].join('\n\n'),
    );
  });

  it('keeps markup as literal text', () => {
    expect(storyAsText({ ...story, title: '<img src=x onerror=alert(1)>' })).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('agendaBlock', () => {
  it('has the story in two lines, the question and the customer’s seat', () => {
    const lines = agendaBlock(story, prompt).split('\n');
    expect(lines).toEqual([
      'Customer chair (2 min)',
      '• Story: The night nurse who could not log in — St. Aldric Hospital — night charge nurse',
      '• “At 3 a.m. there is no IT desk.”',
      '• Question: Did customers tell us they want this?',
      '• The customer has a seat at this meeting: before we decide, ask what they would say.',
    ]);
  });

  it('falls back to the first sentence of the body without a quote', () => {
    const { quote: _q, ...noQuote } = story;
    expect(agendaBlock({ ...noQuote, body: 'One. Two.' }, undefined).split('\n')[2]).toBe('• One.');
  });
});

/** Any story within the schema's limits. */
const anyStory = fc.record({
  id: fc.constant('s'),
  title: fc.string({ minLength: 1, maxLength: LIMITS.storyTitle }),
  customer: fc.string({ minLength: 1, maxLength: LIMITS.customer }),
  quote: fc.option(fc.string({ minLength: 1, maxLength: LIMITS.quote }), { nil: undefined }),
  body: fc.string({ minLength: 1, maxLength: LIMITS.body }),
  impact: fc.option(fc.string({ minLength: 1, maxLength: LIMITS.impact }), { nil: undefined }),
  tags: fc.constant<string[]>([]),
  archived: fc.constant(false),
});
const anyPrompt = fc.record({ id: fc.constant('p'), text: fc.string({ minLength: 1, maxLength: LIMITS.promptText }), where: fc.constant('both' as const) });

describe('agendaBlock within a chat limit', () => {
  it('shortens the quote, and keeps the story line, the question and the seat', () => {
    const long = { ...story, quote: 'We waited. '.repeat(40).trim() };
    const block = agendaBlock(long, prompt, 500);
    expect(block.length).toBeLessThanOrEqual(500);
    const lines = block.split('\n');
    expect(lines[1]).toBe('• Story: The night nurse who could not log in — St. Aldric Hospital — night charge nurse');
    expect(lines[2]).toMatch(/^• “We waited\. .*…”$/);
    expect(lines[3]).toBe('• Question: Did customers tell us they want this?');
  });

  it('never exceeds the limit for any story the schema allows', () => {
    fc.assert(fc.property(anyStory, anyPrompt, (s, p) => agendaBlock(s, p, 500).length <= 500));
  });
});

describe('storyForChat', () => {
  it('is the title, customer, quote and impact in a few lines', () => {
    expect(storyForChat(story)).toBe(
      [
        'Customer story: The night nurse who could not log in — St. Aldric Hospital — night charge nurse',
        '“At 3 a.m. there is no IT desk.”',
        'Impact: Lock-outs went from 11 to 0.',
      ].join('\n'),
    );
  });

  it('drops the impact before cutting the quote when space is short', () => {
    const text = storyForChat({ ...story, impact: 'x'.repeat(400) }, 200);
    expect(text).toBe(
      'Customer story: The night nurse who could not log in — St. Aldric Hospital — night charge nurse\n“At 3 a.m. there is no IT desk.”',
    );
  });

  it('never exceeds the limit for any story the schema allows', () => {
    fc.assert(fc.property(anyStory, (s) => storyForChat(s, 500).length <= 500));
  });
});

describe('a recognized story', () => {
  it('says so after its customer when shared or copied; an ordinary story does not', () => {
    const parts = storyAsText(recognized).split('\n\n');
    expect(parts.slice(0, 3)).toEqual(['The night nurse who could not log in', '— St. Aldric Hospital — night charge nurse', MARK_LINE]);
    expect(storyAsText(story)).not.toContain('Recognized');
  });

  it('carries its mark into the agenda block, under the story line', () => {
    expect(agendaBlock(recognized, prompt).split('\n').slice(1, 4)).toEqual([
      '• Story: The night nurse who could not log in — St. Aldric Hospital — night charge nurse',
      `• ${MARK_LINE}`,
      '• “At 3 a.m. there is no IT desk.”',
    ]);
    expect(agendaBlock(story, prompt)).not.toContain('Recognized');
  });

  it('carries its mark into the chat text, and still fits a chat limit', () => {
    expect(storyForChat(recognized).split('\n')).toEqual([
      'Customer story: The night nurse who could not log in — St. Aldric Hospital — night charge nurse',
      MARK_LINE,
      '“At 3 a.m. there is no IT desk.”',
      'Impact: Lock-outs went from 11 to 0.',
    ]);
    // The mark stays whole: the impact gives way first.
    expect(storyForChat(recognized, 200).split('\n')).toEqual([
      'Customer story: The night nurse who could not log in — St. Aldric Hospital — night charge nurse',
      MARK_LINE,
      '“At 3 a.m. there is no IT desk.”',
    ]);
    const anyMark = fc.record({
      roundName: fc.string({ minLength: 1, maxLength: LIMITS.roundName }),
      categoryName: fc.string({ minLength: 1, maxLength: LIMITS.categoryName }),
      teamName: fc.string({ minLength: 1, maxLength: LIMITS.teamName }),
    });
    fc.assert(
      fc.property(anyStory, anyMark, anyPrompt, (s, m, p) => {
        const marked = { ...s, recognition: m };
        return storyForChat(marked, 500).length <= 500 && agendaBlock(marked, p, 500).length <= 500;
      }),
    );
  });
});
