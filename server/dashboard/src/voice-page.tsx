import { useEffect, useState } from 'preact/hooks';
import { Alert } from './alert';
import type { VoiceInbox } from './voice-inbox';

/**
 * The Voice page, loaded on first use: it shares its labels with the
 * extension through the voice schemas (and so brings their schema library),
 * which no other page of the dashboard needs to load.
 */
export function VoicePage({ hash, onExpired }: { hash: string | undefined; onExpired: () => void }) {
  const [Inbox, setInbox] = useState<typeof VoiceInbox>();
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    import('./voice-inbox').then(
      (module) => (setInbox(() => module.VoiceInbox), setError(undefined)),
      () => setError('The Voice page could not be loaded. Check your connection, then try again.'),
    );
  }, [attempt]);

  if (Inbox) return <Inbox hash={hash} onExpired={onExpired} />;
  if (error)
    return (
      <Alert message={error}>
        <button type="button" class="secondary" onClick={() => setAttempt((n) => n + 1)}>
          Load again
        </button>
      </Alert>
    );
  return (
    <p class="loading" role="status">
      Loading the messages…
    </p>
  );
}
