import { describe, expect, it } from 'vitest';
import { pickPrompt } from '../../../shared/src/domain/pick-prompt';
import type { Prompt } from '../../../shared/src/schemas/prompt';

const prompts: Prompt[] = [
  { id: 'm1', text: 'Meeting one?', where: 'meeting' },
  { id: 'm2', text: 'Meeting two?', where: 'meeting' },
  { id: 'n1', text: 'New tab one?', where: 'newtab' },
  { id: 'b1', text: 'Both one?', where: 'both' },
];
const bundle = { prompts, timezone: 'Europe/London' };

describe('pickPrompt', () => {
  it('only picks prompts meant for the place', () => {
    for (let d = 0; d < 6; d++) {
      const now = new Date(Date.parse('2026-11-23T12:00:00Z') + d * 86_400_000);
      expect(['m1', 'm2', 'b1']).toContain(pickPrompt(bundle, now, 'meeting')?.id);
      expect(['n1', 'b1']).toContain(pickPrompt(bundle, now, 'newtab')?.id);
    }
  });

  it('is the same all day for everyone, and changes from day to day', () => {
    const morning = pickPrompt(bundle, new Date('2026-11-23T00:30:00Z'), 'meeting');
    expect(pickPrompt(bundle, new Date('2026-11-23T23:30:00Z'), 'meeting')).toEqual(morning);
    const week = Array.from({ length: 3 }, (_, d) => pickPrompt(bundle, new Date(Date.parse('2026-11-23T12:00:00Z') + d * 86_400_000), 'meeting')?.id);
    expect(new Set(week).size).toBe(3);
  });

  it('decides the day in the bundle’s time zone', () => {
    const instant = new Date('2026-03-10T23:30:00Z'); // 10 March in UTC, 11 March in Tokyo
    const tokyo = pickPrompt({ prompts, timezone: 'Asia/Tokyo' }, instant, 'meeting');
    expect(tokyo).not.toEqual(pickPrompt({ prompts, timezone: 'UTC' }, instant, 'meeting'));
    expect(tokyo).toEqual(pickPrompt({ prompts, timezone: 'UTC' }, new Date('2026-03-11T12:00:00Z'), 'meeting'));
  });

  it('gives the same prompt whatever the order of the prompts', () => {
    for (let d = 0; d < 4; d++) {
      const now = new Date(Date.parse('2026-11-23T12:00:00Z') + d * 86_400_000);
      expect(pickPrompt({ ...bundle, prompts: [...prompts].reverse() }, now, 'meeting')).toEqual(pickPrompt(bundle, now, 'meeting'));
    }
  });

  it('is undefined when no prompt fits', () => {
    expect(pickPrompt({ prompts: [prompts[2]!], timezone: 'UTC' }, new Date(), 'meeting')).toBeUndefined();
  });
});
