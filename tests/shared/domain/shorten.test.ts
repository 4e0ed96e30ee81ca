import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shorten } from '../../../shared/src/domain/shorten';

describe('shorten', () => {
  it('leaves text that fits alone', () => {
    expect(shorten('Short enough.', 40)).toBe('Short enough.');
  });

  it('cuts at a word boundary and ends in an ellipsis', () => {
    expect(shorten('At three in the morning there is no IT desk to call.', 30)).toBe('At three in the morning there…');
  });

  it('cuts inside a very long word rather than losing most of the room', () => {
    expect(shorten(`a ${'x'.repeat(50)}`, 10)).toBe(`a ${'x'.repeat(7)}…`);
  });

  it('never exceeds the limit', () => {
    fc.assert(fc.property(fc.string(), fc.integer({ min: 0, max: 300 }), (text, max) => shorten(text, max).length <= max));
  });
});
