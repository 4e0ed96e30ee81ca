import type { SessionInfo } from '@customer-chair/shared/schemas/session';
import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import { Overview } from './overview';
import { SignIn } from './sign-in';

type State = { kind: 'loading' } | { kind: 'signed-out'; notice?: string } | { kind: 'signed-in'; session: SessionInfo };

/** Signed in or not; the session lives in an HttpOnly cookie the page never sees. */
export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    api.session().then(
      (session) => setState({ kind: 'signed-in', session }),
      () => setState({ kind: 'signed-out' }),
    );
  }, []);

  async function signOut(session: SessionInfo) {
    await api.signOut(session.csrfToken).catch(() => undefined);
    setState({ kind: 'signed-out', notice: 'You are signed out.' });
  }

  const expired = () => setState({ kind: 'signed-out', notice: 'Your session ended; sign in again.' });

  if (state.kind === 'loading') return <p class="loading" role="status">Loading…</p>;
  if (state.kind === 'signed-out') return <SignIn notice={state.notice} onSignedIn={(session) => setState({ kind: 'signed-in', session })} />;
  return (
    <div class="shell">
      <header class="top">
        <span class="brand">Customer Chair · CX dashboard</span>
        <span class="who">
          Signed in as {state.session.label}
          <button type="button" class="secondary" onClick={() => signOut(state.session)}>
            Sign out
          </button>
        </span>
      </header>
      <Overview onExpired={expired} />
    </div>
  );
}
