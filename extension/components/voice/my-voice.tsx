import { VOICE_STATUS_LABELS, type VoiceKind, type VoiceStatus } from '@customer-chair/shared/schemas/voice';
import type { KeptVoice } from '../../lib/voice-storage';
import type { ReceiptStatus } from '../../lib/use-receipt-statuses';

/** A message's status as last asked: still asking, the server's answer, or why there is none. */
export type VoiceStatusState = ReceiptStatus<VoiceStatus>;

const KIND_NAMES: Record<VoiceKind, string> = { customer_said: 'What a customer told you', idea: 'An idea', lesson: 'A lesson' };

function detail(status: VoiceStatus): string {
  switch (status.status) {
    case 'new':
      return 'Received. The CX team reads every message.';
    case 'under_review':
      return 'The CX team is looking into it.';
    case 'adopted':
      return 'The CX team took it up.';
    case 'not_adopted':
      return 'The CX team did not take it up this time.';
  }
}

/** The messages sent from this browser, each with its status, the reason when not adopted, and the public reply. */
export function MyVoice({ messages, statuses, onRetry }: { messages: KeptVoice[]; statuses: Record<string, VoiceStatusState>; onRetry: () => void }) {
  return (
    <section class="my-voice" aria-labelledby="my-voice-title">
      <h2 id="my-voice-title">Your messages</h2>
      <p class="hint">Each message’s receipt is kept in this browser only: it is what lets you see the status and the CX team’s answer.</p>
      <ul>
        {messages.map((message) => {
          const known = statuses[message.messageId];
          const status = known?.state === 'known' ? known.status : undefined;
          return (
            <li key={message.messageId} class="kept-voice" data-message-id={message.messageId}>
              <div class="kept-head">
                <span class="kept-title">{KIND_NAMES[message.kind]}</span>
                {status ? (
                  <span class={`badge ${status.status}`} data-testid="voice-status">
                    {VOICE_STATUS_LABELS[status.status]}
                  </span>
                ) : (
                  <span class="badge unknown" data-testid="voice-status">
                    {known?.state === 'failed' ? 'Status unavailable' : 'Checking…'}
                  </span>
                )}
              </div>
              <blockquote class="excerpt">{message.excerpt}</blockquote>
              {status && <p class="hint">{detail(status)}</p>}
              {status?.status === 'not_adopted' && status.reason && (
                <p class="reason">
                  <strong>Why: </strong>
                  {status.reason}
                </p>
              )}
              {status?.reply && (
                <div class="reply">
                  <p>
                    <strong>We did: </strong>
                    {status.reply.did}
                  </p>
                  <p class="hint">
                    Shown on every new tab as “You said, we did” from {status.reply.from} to {status.reply.until}.
                  </p>
                </div>
              )}
              {status?.shared && (
                <p class="hint">
                  Shared with every department as a lesson, from {status.shared.from} to {status.shared.until}.
                </p>
              )}
              {status?.becameStory && <p class="hint">It became a customer story draft: the CX team publishes it once it is ready.</p>}
              {known?.state === 'failed' && (
                <p class="hint error-text">
                  {known.message}{' '}
                  <button type="button" class="link" onClick={onRetry}>
                    Check again
                  </button>
                </p>
              )}
              <p class="submitted-on">Sent {new Date(message.sentAt).toLocaleDateString('en-CA')}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
