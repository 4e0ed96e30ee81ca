import { describe, expect, it } from 'vitest';
import { currentVoiceCards } from '../../../shared/src/domain/current-voice-cards';
import type { VoiceCard } from '../../../shared/src/schemas/voice';

const card = (id: string, from: string, until: string): VoiceCard => ({ id, kind: 'reply', said: 's', did: 'd', messageKind: 'idea', from, until });

describe('currentVoiceCards', () => {
  it('shows a card from its first day to its last, inclusive', () => {
    const cards = [card('reply-a', '2026-12-02', '2026-12-04')];
    expect(currentVoiceCards(cards, '2026-12-01')).toEqual([]);
    expect(currentVoiceCards(cards, '2026-12-02')).toHaveLength(1);
    expect(currentVoiceCards(cards, '2026-12-04')).toHaveLength(1);
    expect(currentVoiceCards(cards, '2026-12-05')).toEqual([]);
  });

  it('puts the newest first and shows at most three', () => {
    const cards = [
      card('reply-a', '2026-11-20', '2026-12-10'),
      card('lesson-b', '2026-12-01', '2026-12-10'),
      card('reply-c', '2026-11-28', '2026-12-10'),
      card('reply-d', '2026-11-25', '2026-12-10'),
      card('reply-e', '2026-12-03', '2026-12-10'),
    ];
    expect(currentVoiceCards(cards, '2026-12-02').map((c) => c.id)).toEqual(['lesson-b', 'reply-c', 'reply-d']);
    expect(currentVoiceCards(cards, '2026-12-02', 5).map((c) => c.id)).toEqual(['lesson-b', 'reply-c', 'reply-d', 'reply-a']);
  });

  it('orders cards that start the same day by id, the same everywhere', () => {
    const cards = [card('reply-a', '2026-12-01', '2026-12-03'), card('reply-b', '2026-12-01', '2026-12-03')];
    expect(currentVoiceCards(cards, '2026-12-02').map((c) => c.id)).toEqual(['reply-b', 'reply-a']);
    expect(currentVoiceCards([...cards].reverse(), '2026-12-02').map((c) => c.id)).toEqual(['reply-b', 'reply-a']);
  });
});
