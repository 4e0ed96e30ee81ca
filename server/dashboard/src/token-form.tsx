import type { SessionInfo } from '@customer-chair/shared/schemas/session';
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { api } from './api';
import { BusyButton } from './busy-button';

type TokenFormProps = { label: string; main: boolean; inputRef?: Ref<HTMLElement>; onSignedIn: (session: SessionInfo) => void };

/** Sign-in with an admin token: sent to the server once, never kept in the page. */
export function TokenForm({ label, main, inputRef, onSignedIn }: TokenFormProps) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const input = form.elements.namedItem('token') as HTMLInputElement;
    setBusy(true);
    setError(undefined);
    try {
      const session = await api.signIn(input.value);
      input.value = '';
      onSignedIn(session);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    // method="post": should the submit handler ever not run, the browser posts the token instead of putting it in the address bar.
    <form method="post" onSubmit={submit}>
      <label for="token">{label}</label>
      <input
        id="token"
        name="token"
        type="password"
        autoComplete="off"
        spellcheck={false}
        required
        ref={inputRef as Ref<HTMLInputElement> | undefined}
        aria-describedby={error ? 'token-error token-hint' : 'token-hint'}
        aria-invalid={error ? true : undefined}
      />
      <p class="hint" id="token-hint">
        The token the server printed on its first start (or its ADMIN_TOKEN), or one your administrator made for you.
      </p>
      {error && (
        <p class="error" role="alert" id="token-error">
          {error}
        </p>
      )}
      <BusyButton type="submit" class={main ? 'primary' : 'secondary'} busy={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </BusyButton>
    </form>
  );
}
