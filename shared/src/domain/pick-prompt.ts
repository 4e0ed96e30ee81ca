import type { ContentBundle } from '../schemas/content-bundle';
import type { Prompt } from '../schemas/prompt';
import { daysBetween, localDay } from './local-day';

const ROTATION_EPOCH = '2024-01-01';
/** Shifts the question's rotation so it does not march in step with the story's. */
const OFFSET = 3;

/**
 * Today's customer-chair question for a place (meetings or the new tab),
 * the same for everyone on the same local day.
 */
export function pickPrompt(
  bundle: Pick<ContentBundle, 'prompts' | 'timezone'>,
  now: Date,
  place: 'meeting' | 'newtab',
): Prompt | undefined {
  const eligible = bundle.prompts
    .filter((p) => p.where === place || p.where === 'both')
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (eligible.length === 0) return undefined;
  const n = eligible.length;
  const day = daysBetween(ROTATION_EPOCH, localDay(now, bundle.timezone)) + OFFSET;
  return eligible[((day % n) + n) % n];
}
