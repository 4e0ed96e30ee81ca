import { describe, expect, it } from 'vitest';
import { demoContent } from '../../../shared/src/demo/demo-content';
import { demoUsage } from '../../../shared/src/demo/demo-usage';
import { daysBetween, localDay } from '../../../shared/src/domain/local-day';
import { UsageEventSchema } from '../../../shared/src/schemas/usage-event';

const SPEC = { content: demoContent, lastDay: '2026-11-22', days: 90, timezone: 'Europe/Berlin', seed: 20 };

describe('demoUsage', () => {
  const usage = demoUsage(SPEC);
  const dayOf = (at: string) => localDay(new Date(at), SPEC.timezone);

  it('is the same for the same seed and last day, and another for another seed', () => {
    expect(JSON.stringify(demoUsage(SPEC))).toBe(JSON.stringify(usage));
    expect(demoUsage({ ...SPEC, seed: 21 }).events.slice(0, 50)).not.toEqual(usage.events.slice(0, 50));
  }, 30_000);

  it('makes valid events, unique and in time order, on the company-local days from the Monday on or before 90 days back to the last day', () => {
    for (const event of usage.events) UsageEventSchema.parse(event);
    expect(new Set(usage.events.map((e) => e.id)).size).toBe(usage.events.length);
    expect(usage.events.map((e) => e.at)).toEqual(usage.events.map((e) => e.at).sort());
    expect(dayOf(usage.events[0]!.at)).toBe('2026-08-24');
    expect(dayOf(usage.events.at(-1)!.at)).toBe('2026-11-22');
    expect(usage.events.length).toBeGreaterThan(30_000);
  });

  it('has departments of different sizes, two of them below the privacy threshold', () => {
    const installs = new Map<string, Set<string>>();
    for (const e of usage.events) installs.set(e.department, (installs.get(e.department) ?? new Set()).add(e.installId));
    expect(usage.smallDepartments).toEqual(['legal', 'safety']);
    expect(installs.get('legal')!.size).toBeLessThan(5);
    expect(installs.get('safety')!.size).toBeLessThan(5);
    expect(installs.get('engineering')!.size).toBeGreaterThan(80);
    expect(installs.get('people')!.size).toBeLessThan(installs.get('support')!.size / 3);
  });

  it('has weekly rhythms: weekdays heavier than weekends, a rollout ramp, a holiday dip', () => {
    const perDay = new Map<string, number>();
    for (const e of usage.events) perDay.set(dayOf(e.at), (perDay.get(dayOf(e.at)) ?? 0) + 1);
    const weekday = (day: string) => ((daysBetween('2024-01-01', day) % 7) + 7) % 7;
    const lastWeeks = [...perDay].filter(([day]) => day >= '2026-10-26');
    const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
    const workdays = mean(lastWeeks.filter(([day]) => weekday(day) < 5).map(([, n]) => n));
    const weekends = mean(lastWeeks.filter(([day]) => weekday(day) >= 5).map(([, n]) => n));
    expect(weekends).toBeLessThan(workdays / 8);
    // The ramp: the first full week's Tuesday is far below the last week's.
    expect(perDay.get('2026-09-01')!).toBeLessThan(0.75 * perDay.get('2026-11-17')!);
    // The holiday: its Monday quieter than a weekend day's double, the week around it below the next.
    expect(weekday(usage.holiday)).toBe(0);
    expect(perDay.get(usage.holiday)!).toBeLessThan(2 * weekends);
  });

  it('uses the content with plausible shares: every role\'s actions, the day\'s story, prompts inserted into meetings, thanks for credited departments', () => {
    const count = (type: string) => usage.events.filter((e) => e.type === type).length;
    expect(count('story_viewed')).toBeGreaterThan(count('action_taken') * 2);
    expect(count('prompt_inserted')).toBeLessThan(count('prompt_shown') / 4);
    expect(new Set(usage.events.filter((e) => e.type === 'action_taken').map((e) => e.actionId)).size).toBeGreaterThan(demoContent.actions.length * 0.8);
    const meetings = new Set(usage.events.filter((e) => e.type === 'prompt_inserted').map((e) => e.surface));
    expect([...meetings].sort()).toEqual(['calendar', 'context-menu', 'meet', 'outlook', 'teams', 'zoom']);
    const thanks = usage.events.filter((e) => e.type === 'team_thanked');
    expect(thanks.length).toBeGreaterThan(50);
    for (const e of thanks) {
      expect(e.thankedDepartment).not.toBe(e.department);
      expect(demoContent.stories.find((s) => s.id === e.storyId)!.credits).toContain(e.thankedDepartment);
    }
  });
});
