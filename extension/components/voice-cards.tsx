import { currentVoiceCards } from '@customer-chair/shared/domain/current-voice-cards';
import { localDay } from '@customer-chair/shared/domain/local-day';
import type { ContentBundle } from '@customer-chair/shared/schemas/content-bundle';

/** The CX team's public cards for today (company-local): "You said, we did" replies and lessons shared by colleagues. */
export function VoiceCards({ bundle, now }: { bundle: Pick<ContentBundle, 'voiceCards' | 'timezone'>; now: Date }) {
  const cards = currentVoiceCards(bundle.voiceCards ?? [], localDay(now, bundle.timezone));
  if (cards.length === 0) return null;
  return (
    <section class="voice-cards" aria-label="Heard from colleagues">
      {cards.map((card) =>
        card.kind === 'reply' ? (
          <article class="voice-card reply" key={card.id} aria-label="You said, we did">
            <p class="voice-label">You said</p>
            <p class="voice-said">{card.said}</p>
            {card.did && (
              <>
                <p class="voice-label">We did</p>
                <p class="voice-did">{card.did}</p>
              </>
            )}
          </article>
        ) : (
          <article class="voice-card lesson" key={card.id} aria-label="A lesson shared by a colleague">
            <p class="voice-label">A lesson shared by a colleague</p>
            <p class="voice-said">{card.said}</p>
          </article>
        ),
      )}
    </section>
  );
}
