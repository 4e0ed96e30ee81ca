import { describe, expect, it } from 'vitest';
import { ContentBundleSchema } from '../../../../shared/src/schemas/content-bundle';
import { ContentExportSchema, type ContentExport } from '../../../../shared/src/schemas/content-export';
import type { Story } from '../../../../shared/src/schemas/story';
import { STORY_DRAFT, json, send, type TestApp } from '../../../support/admin-api';
import { makeTestApp } from '../../../support/test-app';

const MARK = { roundName: '2027 Q1', categoryName: 'Faster for the customer', teamName: 'Line 4 maintenance crew' };
const RECOGNIZED: Story = {
  id: 'recognized-e-line4',
  title: 'Recognized: Faster for the customer, 2027 Q1',
  customer: 'Harlow Foods',
  body: 'Team: Line 4 maintenance crew\n\nHow they did it: spare parts kept by the line.',
  impact: 'Before: 5 days. After: 5 hours.',
  tags: ['recognized'],
  publishOn: '2026-11-23',
  archived: false,
  recognition: MARK,
};

async function exportFile(t: TestApp): Promise<ContentExport> {
  const response = await send(t, 'GET', '/export');
  expect(response.status).toBe(200);
  return ContentExportSchema.parse(await response.json());
}

function importFile(t: TestApp, file: ContentExport) {
  return t.app.request('/api/v1/admin/import?mode=apply', {
    method: 'POST',
    headers: { ...t.admin, 'Content-Type': 'application/json' },
    body: JSON.stringify(file),
  });
}

async function bundleStory(t: TestApp, id: string) {
  const response = await t.app.request('/api/v1/content');
  expect(response.status).toBe(200);
  return ContentBundleSchema.parse(await response.json()).stories.find((s) => s.id === id);
}

describe('a recognized story keeps its mark through the admin API, the bundle, export and import', () => {
  it('restored from an export file, shown by the admin API and in the bundle, exported again and restored on another server', async () => {
    const t = await makeTestApp();
    const file = await exportFile(t);
    const restored = await importFile(t, { ...file, stories: [...file.stories, RECOGNIZED], schedule: { ...file.schedule, '2026-11-23': RECOGNIZED.id } });
    expect(restored.status).toBe(200);

    expect((await json(send(t, 'GET', `/stories/${RECOGNIZED.id}`))).recognition).toEqual(MARK);
    expect((await bundleStory(t, RECOGNIZED.id))!.recognition).toEqual(MARK);
    expect(await bundleStory(t, 'night-shift-login')).not.toHaveProperty('recognition');

    const again = await exportFile(t);
    expect(again.stories.find((s) => s.id === RECOGNIZED.id)!.recognition).toEqual(MARK);
    expect(again.stories.find((s) => s.id === 'night-shift-login')).not.toHaveProperty('recognition');
    expect(again.schedule['2026-11-23']).toBe(RECOGNIZED.id);

    const other = await makeTestApp();
    expect((await importFile(other, again)).status).toBe(200);
    expect((await bundleStory(other, RECOGNIZED.id))!.recognition).toEqual(MARK);
    expect((await exportFile(other)).stories.find((s) => s.id === RECOGNIZED.id)).toEqual(again.stories.find((s) => s.id === RECOGNIZED.id));
  });

  it('is kept by an edit in the admin API, and cannot be set or forged through it', async () => {
    const t = await makeTestApp();
    const file = await exportFile(t);
    expect((await importFile(t, { ...file, stories: [...file.stories, RECOGNIZED] })).status).toBe(200);

    const current = await json(send(t, 'GET', `/stories/${RECOGNIZED.id}`));
    const { id: _id, archived: _archived, recognition: _mark, createdAt: _created, updatedAt: _updated, revision, ...fields } = current;
    const edited = await send(t, 'PUT', `/stories/${RECOGNIZED.id}`, { ...fields, title: 'Recognized: Faster, 2027 Q1', revision });
    expect(edited.status).toBe(200);
    expect((await json(edited)).recognition).toEqual(MARK);
    expect((await bundleStory(t, RECOGNIZED.id))!).toMatchObject({ title: 'Recognized: Faster, 2027 Q1', recognition: MARK });

    const forged = await send(t, 'POST', '/stories', { ...STORY_DRAFT, recognition: MARK });
    expect(forged.status).toBe(400);
    const created = await json(send(t, 'POST', '/stories', STORY_DRAFT));
    expect(created).not.toHaveProperty('recognition');
  });
});
