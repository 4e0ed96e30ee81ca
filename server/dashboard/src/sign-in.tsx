import type { SessionInfo } from '@customer-chair/shared/schemas/session';
import { useState } from 'preact/hooks';
import { api } from './api';

/** Sign-in with an admin token; the token goes to the server once and is never kept in the page. */
export function SignIn({ notice, onSignedIn }: { notice?: string; onSignedIn: (session: SessionInfo) => void }) {
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
    <main class="sign-in">
      <h1>Customer Chair</h1>
      <p class="lede">Is the customer showing up in every department’s day — and where not?</p>
      {notice && <p class="notice" role="status">{notice}</p>}
      <form onSubmit={submit}>
        <label for="token">Admin token</label>
        <input id="token" name="token" type="password" autoComplete="off" required />
        <p class="hint">The token the server printed on first start, or one your administrator made for you.</p>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
