import { describe, expect, it } from 'vitest';
import { pruneVoiceQuota } from '../../../../server/src/storage/queries/prune-voice-quota';
import { takeVoiceQuota } from '../../../../server/src/storage/queries/take-voice-quota';
import { sql } from '../../../../server/src/storage/sql';
import { openTestStorage } from '../../../support/test-storage';

const rows = async (storage: Awaited<ReturnType<typeof openTestStorage>>) =>
  (await storage.all<{ key: string; day: string; count: number }>(sql`SELECT key, day, count FROM voice_quota ORDER BY day, key`)).map((r) => [r.key, r.day, Number(r.count)]);

describe('takeVoiceQuota and pruneVoiceQuota', () => {
  it('counts up to the limit per key, then refuses without counting; keys are independent', async () => {
    const storage = await openTestStorage();
    for (let i = 0; i < 3; i++) expect(await takeVoiceQuota(storage, 'a', '2026-11-23', 3)).toBe(true);
    expect(await takeVoiceQuota(storage, 'a', '2026-11-23', 3)).toBe(false);
    expect(await takeVoiceQuota(storage, 'b', '2026-11-23', 3)).toBe(true);
    expect(await rows(storage)).toEqual([['a', '2026-11-23', 3], ['b', '2026-11-23', 1]]);
    await storage.close();
  });

  it('takes exactly the limit when many ask at once', async () => {
    const storage = await openTestStorage();
    const answers = await Promise.all(Array.from({ length: 20 }, () => storage.transaction((tx) => takeVoiceQuota(tx, 'k', '2026-11-23', 5), { retry: true })));
    expect(answers.filter(Boolean)).toHaveLength(5);
    expect(await rows(storage)).toEqual([['k', '2026-11-23', 5]]);
    await storage.close();
  });

  it('prunes the keys of days before today only', async () => {
    const storage = await openTestStorage();
    await takeVoiceQuota(storage, 'old', '2026-11-21', 5);
    await takeVoiceQuota(storage, 'yesterday', '2026-11-22', 5);
    await takeVoiceQuota(storage, 'today', '2026-11-23', 5);
    expect(await pruneVoiceQuota(storage, '2026-11-23')).toBe(2);
    expect(await rows(storage)).toEqual([['today', '2026-11-23', 1]]);
    await storage.close();
  });
});
