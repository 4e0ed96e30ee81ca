import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moveItem } from '../../../shared/src/domain/move-item';

describe('moveItem', () => {
  it('moves an item up or down one place', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
  });

  it('leaves the list as it is when the move would leave it', () => {
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a'], 5, 1)).toEqual(['a']);
  });

  it('never loses or doubles an item, and does not change the list it was given', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: -2, max: 10 }), fc.integer({ min: -3, max: 3 }), (list, index, by) => {
        const before = [...list];
        const moved = moveItem(list, index, by);
        expect(list).toEqual(before);
        expect([...moved].sort()).toEqual([...list].sort());
      }),
    );
  });
});
