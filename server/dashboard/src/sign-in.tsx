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
      <p class="brand">Customer Chair · CX dashboard</p>
      <h1>Is the customer in every department’s day?</h1>
      <p class="lede">Adoption by department, week by week — counted per department, never per person.</p>
      {notice && <p class="notice" role="status">{notice}</p>}
      {/* method="post": should the submit handler ever not run, the browser posts the token instead of putting it in the address bar. */}
      <form method="post" onSubmit={submit}>
        <label for="token">Admin token</label>
        <input id="token" name="token" type="password" autoComplete="off" spellcheck={false} required autoFocus aria-describedby={error ? 'token-error token-hint' : 'token-hint'} aria-invalid={error ? true : undefined} />
        <p class="hint" id="token-hint">The token the server printed on its first start (or its ADMIN_TOKEN), or one your administrator made for you.</p>
        {error && (
          <p class="error" role="alert" id="token-error">
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
