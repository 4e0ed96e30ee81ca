import type { VoiceCard } from '../schemas/voice';

/** At most this many public cards on a new tab: a few quiet notes, never a feed. */
export const VOICE_CARDS_SHOWN = 3;

/**
 * The public "You said, we did" replies and shared lessons shown on `today`
 * (a company-local day): those with from <= today <= until, newest first
 * (the latest start; ties by id, so every new tab agrees), at most `max`.
 */
export function currentVoiceCards(cards: readonly VoiceCard[], today: string, max: number = VOICE_CARDS_SHOWN): VoiceCard[] {
  return cards
    .filter((card) => card.from <= today && today <= card.until)
    .sort((a, b) => (a.from !== b.from ? (a.from < b.from ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, max);
}
