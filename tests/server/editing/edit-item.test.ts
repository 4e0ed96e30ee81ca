import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { json, send, type TestApp } from '../../support/admin-api';
import { makeTestApp } from '../../support/test-app';
import { openSecondStorage, testEngine } from '../../support/test-storage';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Two apps on one database, as two instances would be: each with a connection (a pool) of its own. */
async function twoInstances(): Promise<[TestApp, TestApp]> {
  const folder = mkdtempSync(join(tmpdir(), 'cc-edit-item-'));
  folders.push(folder);
  const first = await makeTestApp({ databasePath: join(folder, 'cc.db') });
  const second = await makeTestApp({ storage: await openSecondStorage(first.storage) });
  return [first, second];
}

/** The story as an editor opened it: the fields to save, and the revision they were read at. */
async function openStory(t: TestApp, id: string) {
  const { id: _id, archived: _a, createdAt: _c, updatedAt: _u, ...fields } = await json(send(t, 'GET', `/stories/${id}`));
  return fields as Record<string, unknown> & { revision: number };
}

describe('editItem across instances', () => {
  it('a save on one instance makes the same revision stale on the other', async () => {
    const [first, second] = await twoInstances();
    const opened = await openStory(first, 'night-shift-login');
    expect((await send(second, 'PUT', '/stories/night-shift-login', { ...opened, title: 'Saved on the second' })).status).toBe(200);
    const stale = await send(first, 'PUT', '/stories/night-shift-login', { ...opened, title: 'Saved on the first' });
    expect(stale.status).toBe(409);
    expect((await json(send(first, 'GET', '/stories/night-shift-login'))).title).toBe('Saved on the second');
    // The content version moved once, and both instances answer it with the same ETag.
    const [a, b] = await Promise.all([first.app.request('/api/v1/content'), second.app.request('/api/v1/content')]);
    expect((await json(a)).version).toBe(2);
    expect(a.headers.get('ETag')).toBe(b.headers.get('ETag'));
  });

  // Two connections to one SQLite file in one process cannot both hold a transaction (the second would
  // wait for the first while blocking the very thread the first needs): SQLite is served by one process.
  // There, two apps share the one storage, whose transactions take turns; on PostgreSQL each has its own pool.
  it('two saves of the same revision at once, on two instances: one 200, one 409, one new revision', async () => {
    const [first, other] = await twoInstances();
    const second = testEngine() === 'postgres' ? other : await makeTestApp({ storage: first.storage });
    for (let round = 0; round < 5; round++) {
      const opened = await openStory(first, 'night-shift-login');
      const saves = await Promise.all([
        send(first, 'PUT', '/stories/night-shift-login', { ...opened, title: `First, round ${round}` }),
        send(second, 'PUT', '/stories/night-shift-login', { ...opened, title: `Second, round ${round}` }),
      ]);
      expect(saves.map((r) => r.status).sort()).toEqual([200, 409]);
      const saved = await json(saves.find((r) => r.status === 200)!);
      expect(saved.revision).toBe(opened.revision + 1);
      const now = await json(send(second, 'GET', '/stories/night-shift-login'));
      expect(now).toMatchObject({ revision: opened.revision + 1, title: saved.title });
    }
    const audit = await json(send(first, 'GET', '/audit?entity=story&entityId=night-shift-login'));
    expect(audit.entries).toHaveLength(5);
  });
});
