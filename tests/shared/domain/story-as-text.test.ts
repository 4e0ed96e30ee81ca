import { describe, expect, it } from 'vitest';
import { agendaBlock, storyAsText } from '../../../shared/src/domain/story-as-text';

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
