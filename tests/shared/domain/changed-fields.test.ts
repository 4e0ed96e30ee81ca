import { describe, expect, it } from 'vitest';
import { changedFields } from '../../../shared/src/domain/changed-fields';

describe('changedFields', () => {
  it('names the keys whose values differ, comparing lists by value and absent as null', () => {
    const before = { title: 'A', tags: ['x'], quote: undefined as string | undefined };
    expect(changedFields(before, { title: 'A', tags: ['x'], quote: undefined }, ['title', 'tags', 'quote'])).toEqual([]);
    expect(changedFields(before, { title: 'B', tags: ['x', 'y'], quote: 'Q' }, ['title', 'tags', 'quote'])).toEqual(['title', 'tags', 'quote']);
  });
});
