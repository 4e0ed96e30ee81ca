import { describe, expect, it } from 'vitest';
import { eventWriter } from '../../../server/src/storage/event-writer';
import type { UsageEvent } from '../../../shared/src/schemas/usage-event';
import { makeEvent, uuidv7 } from '../../support/make-event';
import { recountRollUps } from '../../support/recount-roll-ups';
import { seededRandom } from '../../support/seeded-random';
import { countStored } from '../../support/stored-events';
import { openTestStorage } from '../../support/test-storage';

const NOW = new Date('2026-11-25T12:00:00Z');

describe('eventWriter (on this run’s engine)', () => {
  it('settles each batch of a group with its own counts: an id is stored once, by the first batch that carries it', async () => {
    const storage = await openTestStorage();
    const writer = eventWriter(storage);
    const first = Array.from({ length: 6 }, () => makeEvent());
    const again = makeEvent();
    const results = await Promise.all([
      writer.store(first, 'UTC', NOW),
      // The same batch again (re-sent before the answer came), one of its events in capitals.
      writer.store([...first.slice(0, 5), { ...first[5]!, id: first[5]!.id.toUpperCase() }], 'UTC', NOW),
      // Old and new, and an id twice in one batch.
      writer.store([first[0]!, again, again, makeEvent()], 'UTC', NOW),
    ]);
    expect(results).toEqual([
      { accepted: 6, duplicates: 0 },
      { accepted: 0, duplicates: 6 },
      { accepted: 2, duplicates: 2 },
    ]);
    expect(await writer.store([again, ...first], 'UTC', NOW)).toEqual({ accepted: 0, duplicates: 7 });
    expect(await countStored(storage, 'events')).toBe(8);
    const { stored, recounted } = await recountRollUps(storage);
    expect(stored).toEqual(recounted);
  });

  it('fails a batch that is no batch alone; the others of its group are stored', async () => {
    const storage = await openTestStorage();
    const writer = eventWriter(storage);
    const broken = [makeEvent(), { ...makeEvent(), id: 42 } as unknown as UsageEvent];
    const settled = await Promise.allSettled([writer.store([makeEvent(), makeEvent()], 'UTC', NOW), writer.store(broken, 'UTC', NOW), writer.store([makeEvent()], 'UTC', NOW)]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await countStored(storage, 'events')).toBe(3);
  });

  it('keeps every roll-up equal to a recount from the raw events, after random groups of batches full of duplicates', async () => {
    const storage = await openTestStorage();
    const writer = eventWriter(storage);
    const random = seededRandom(20261125);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const installs = Array.from({ length: 60 }, () => uuidv7());
    const departments = [
      ['sales', 'sales'],
      ['sales', 'cx'],
      ['legal', 'legal'],
    ] as const;
    const sent: UsageEvent[] = [];
    const fresh = (): UsageEvent => {
      const [department, role] = pick(departments);
      const installId = pick(installs);
      // Days over three weeks (some finished when they arrive: counted on the day of arrival).
      const at = new Date(Date.parse('2026-11-09T08:00:00Z') + Math.floor(random() * 17) * 86_400_000 + Math.floor(random() * 12) * 3_600_000).toISOString();
      const kind = random();
      const base = { installId: random() < 0.2 ? installId.toUpperCase() : installId, department, role, at, surface: pick(['newtab', 'meet', 'popup'] as const) };
      if (kind < 0.4) return makeEvent({ ...base, type: pick(['story_viewed', 'story_inserted', 'story_shared'] as const), storyId: random() < 0.8 ? 'story-a' : 'story-b' });
      if (kind < 0.6) return makeEvent({ ...base, type: pick(['prompt_shown', 'prompt_inserted'] as const), promptId: pick(['prompt-a', 'prompt-b']) });
      if (kind < 0.9) return makeEvent({ ...base, actionId: pick(['sales-call', 'sales-demo']) });
      // A thanks: counted once per story, department thanked and install, in `thanks` only.
      return makeEvent({ ...base, type: 'team_thanked', storyId: pick(['story-a', 'story-b']), thankedDepartment: pick(['operations', 'manufacturing']) });
    };
    let accepted = 0;
    for (let group = 0; group < 20; group++) {
      const batches: UsageEvent[][] = [];
      for (let b = 0; b < 1 + Math.floor(random() * 6); b++) {
        // Now and then a batch is sent twice at once (a retry that overtook the answer).
        if (batches.length && random() < 0.15) {
          batches.push([...batches[batches.length - 1]!]);
          continue;
        }
        const batch: UsageEvent[] = [];
        for (let e = 0; e < 1 + Math.floor(random() * 25); e++) {
          // Mostly new events; some sent before (in this group or an earlier one), some in capitals.
          const old = sent.length && random() < 0.3 ? pick(sent) : undefined;
          const event = old ? (random() < 0.3 ? { ...old, id: old.id.toUpperCase() } : old) : fresh();
          if (!old) sent.push(event);
          batch.push(event);
        }
        batches.push(batch);
      }
      const results = await Promise.all(batches.map((batch) => writer.store(batch, 'UTC', NOW)));
      results.forEach((result, i) => expect(result.accepted + result.duplicates).toBe(batches[i]!.length));
      accepted += results.reduce((sum, r) => sum + r.accepted, 0);
    }
    expect(accepted).toBe(sent.length);
    expect(await countStored(storage, 'events')).toBe(sent.length);
    const { stored, recounted } = await recountRollUps(storage);
    expect(stored).toEqual(recounted);
    expect(stored.story_reach!.some((line) => line.endsWith('|20'))).toBe(true);
    const thanked = new Set(sent.filter((e) => e.type === 'team_thanked').map((e) => `${e.storyId}|${e.thankedDepartment}|${e.installId.toLowerCase()}`));
    expect(thanked.size).toBeGreaterThan(10);
    expect(await countStored(storage, 'thanks')).toBe(thanked.size);
  });
});
