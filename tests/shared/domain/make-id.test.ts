import { describe, expect, it } from 'vitest';
import { makeId } from '../../../shared/src/domain/make-id';

describe('makeId', () => {
  it('makes a readable slug, unique among the taken ids', () => {
    expect(makeId('The Night Nurse — Café!', new Set())).toBe('the-night-nurse-cafe');
    expect(makeId('Same', new Set(['same', 'same-2']))).toBe('same-3');
    expect(makeId('¿?', new Set(), 'story')).toBe('story');
    expect(makeId('x'.repeat(200), new Set()).length).toBeLessThanOrEqual(60);
  });
});
