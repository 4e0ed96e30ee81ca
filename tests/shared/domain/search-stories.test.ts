import { describe, expect, it } from 'vitest';
import { searchStories } from '../../../shared/src/domain/search-stories';

const stories = [
  { id: 'a', title: 'Café queue', customer: 'Acme', body: 'Shorter waits', tags: ['ops'], archived: false },
  { id: 'b', title: 'Contract', customer: 'Brightwater', body: 'Nine pages', tags: ['legal'], archived: false },
];

describe('searchStories', () => {
  it('keeps the stories holding every word, ignoring case and accents', () => {
    expect(searchStories(stories, 'cafe ACME').map((s) => s.id)).toEqual(['a']);
    expect(searchStories(stories, 'legal').map((s) => s.id)).toEqual(['b']);
    expect(searchStories(stories, 'pages acme')).toEqual([]);
    expect(searchStories(stories, '  ')).toHaveLength(2);
  });
});
