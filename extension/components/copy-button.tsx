import { useState } from 'preact/hooks';

type Props = { label: string; accessibleName?: string; text: () => string; onCopied?: () => void };

/** Copies plain text to the clipboard and says so. */
export function CopyButton({ label, accessibleName, text, onCopied }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(text());
      setState('copied');
      onCopied?.();
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2500);
  }
  return (
    <span class="copy">
      <button type="button" class="secondary" onClick={copy} aria-label={accessibleName ?? label}>
        {label}
      </button>
      <span class="copy-state" role="status">
        {state === 'copied' ? 'Copied — paste it anywhere' : state === 'failed' ? 'Could not copy' : ''}
      </span>
    </span>
  );
}
