import { describe, expect, it } from 'vitest';
import { findStoryRecord } from '../../../../server/src/storage/queries/find-story-record';
import { insertStories } from '../../../../server/src/storage/queries/insert-stories';
import { insertStory } from '../../../../server/src/storage/queries/insert-story';
import { loadContentBundle } from '../../../../server/src/storage/queries/load-content-bundle';
import { updateStory } from '../../../../server/src/storage/queries/update-story';
import type { Story } from '../../../../shared/src/schemas/story';
import { makeTestApp } from '../../../support/test-app';

const NOW = new Date('2026-11-23T10:00:00Z');
const mark = { roundName: '2027 Q1', categoryName: 'Faster for the customer', teamName: 'Line 4 maintenance crew' };
const story = (id: string, recognition?: Story['recognition']): Story => ({
  id,
  title: 'Recognized: Faster for the customer, 2027 Q1',
  customer: 'Harlow Foods',
  body: 'Team: Line 4 maintenance crew',
  tags: ['recognized'],
  archived: false,
  ...(recognition ? { recognition } : {}),
});

describe('stories keep their recognition mark', () => {
  it('stored by insertStory and insertStories, read back on the story and in the bundle; other stories have none', async () => {
    const t = await makeTestApp();
    await insertStory(t.storage, story('recognized-e-one', mark), NOW);
    await insertStories(t.storage, [story('recognized-e-two', { ...mark, teamName: 'Returns desk' }), story('plain-story')], NOW);
    expect((await findStoryRecord(t.storage, 'recognized-e-one'))!.recognition).toEqual(mark);
    const bundle = (await loadContentBundle(t.storage, 'UTC'))!;
    const byId = new Map(bundle.stories.map((each) => [each.id, each]));
    expect(byId.get('recognized-e-two')!.recognition).toEqual({ ...mark, teamName: 'Returns desk' });
    expect(byId.get('plain-story')).not.toHaveProperty('recognition');
    expect(byId.get('night-shift-login')).not.toHaveProperty('recognition');
  });

  it('is never changed by an edit of the story (the editor does not send it)', async () => {
    const t = await makeTestApp();
    await insertStory(t.storage, story('recognized-e-one', mark), NOW);
    const { id: _id, archived: _archived, recognition: _mark, ...fields } = story('recognized-e-one');
    await updateStory(t.storage, 'recognized-e-one', { ...fields, title: 'Recognized: Faster, 2027 Q1' }, NOW);
    const edited = (await findStoryRecord(t.storage, 'recognized-e-one'))!;
    expect(edited.title).toBe('Recognized: Faster, 2027 Q1');
    expect(edited.recognition).toEqual(mark);
  });
});
