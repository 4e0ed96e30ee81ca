import { demoContent } from '../../shared/src/demo/demo-content';
import type { EventType, UsageEvent } from '../../shared/src/schemas/usage-event';

type Install = { id: string; department: string; role: string };

/** Event types in roughly the mix a company sends: mostly views, some inserts and actions. */
const MIX: EventType[] = ['story_viewed', 'story_viewed', 'story_viewed', 'action_taken', 'action_taken', 'prompt_shown', 'prompt_inserted', 'story_inserted', 'story_shared'];
const SURFACES = ['newtab', 'newtab', 'popup', 'meet', 'zoom', 'teams', 'calendar', 'outlook'] as const;

/**
 * Makes valid usage events like the extension's, for a fixed population of
 * installs spread over the demo departments and roles: time-ordered UUIDv7
 * ids, content ids that exist.
 */
export function eventMaker(installCount: number, seed = 1) {
  let state = seed >>> 0 || 1;
  const random = () => {
    // xorshift32: fast and repeatable, so two runs generate the same data.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const hex = (digits: number) => {
    let out = '';
    for (let i = 0; i < digits; i += 6) out += Math.floor(random() * 0x1000000).toString(16).padStart(6, '0');
    return out.slice(0, digits);
  };
  /**
   * A UUIDv7 as the extension makes them (time first), from the seeded
   * generator: crypto-random ids cost the load generator more than the
   * server spends storing them, which would measure the generator.
   */
  const uuidv7 = (ms: number) => {
    const time = ms.toString(16).padStart(12, '0');
    const variant = (8 + Math.floor(random() * 4)).toString(16);
    return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const installs: Install[] = Array.from({ length: installCount }, () => {
    const department = pick(demoContent.departments).id;
    return { id: uuidv7(Date.now()), department, role: pick(demoContent.roles).id };
  });

  function event(install: Install, atMs: number): UsageEvent {
    const type = pick(MIX);
    const base = { id: uuidv7(atMs), installId: install.id, type, department: install.department, role: install.role, at: new Date(atMs).toISOString() };
    const surface = type === 'action_taken' || type === 'story_viewed' ? pick(['newtab', 'popup'] as const) : pick(SURFACES);
    if (type === 'action_taken') return { ...base, surface, actionId: pick(demoContent.actions).id };
    if (type.startsWith('prompt')) return { ...base, surface, promptId: pick(demoContent.prompts).id };
    return { ...base, surface, storyId: pick(demoContent.stories).id };
  }

  return {
    installs,
    /** `size` events from one install, as one flush of its queue, starting at `atMs`. */
    batchFromOneInstall(size: number, atMs: number): UsageEvent[] {
      const install = pick(installs);
      return Array.from({ length: size }, (_, i) => event(install, atMs + i));
    },
    /** `size` events from random installs, evenly spread from `fromMs` in steps of `stepMs`. */
    batchSpread(size: number, fromMs: number, stepMs: number): UsageEvent[] {
      return Array.from({ length: size }, (_, i) => event(pick(installs), Math.floor(fromMs + i * stepMs)));
    },
  };
}

