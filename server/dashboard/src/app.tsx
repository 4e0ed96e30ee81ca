import type { SessionInfo } from '@customer-chair/shared/schemas/session';
import { useEffect, useState } from 'preact/hooks';
import { api, setCsrfToken } from './api';
import { AuditLog } from './audit-log';
import { DemoBanner } from './demo-banner';
import { ImportExport } from './import-export';
import { Judging } from './judging';
import { Nav, pageFor, readHash } from './nav';
import { Overview } from './overview';
import { People } from './people';
import { Prompts } from './prompts';
import { Roles } from './roles';
import { Rounds } from './rounds';
import { Schedule } from './schedule';
import { Settings } from './settings';
import { SignIn } from './sign-in';
import { StoryEditor } from './story-editor';
import { Stories } from './stories';
import { VoicePage } from './voice-page';

/** What each role may do, in the header's tooltip. */
const ROLE_HINTS: Record<SessionInfo['role'], string> = {
  admin: 'Admin: content, rounds, tokens, adoption and judging',
  judge: 'Judge: scores recognition entries',
  viewer: 'Viewer: reads adoption',
};

type State = { kind: 'loading' } | { kind: 'signed-out'; notice?: string } | { kind: 'signed-in'; session: SessionInfo };

/** Signed in or not; the session lives in an HttpOnly cookie the page never sees. */
export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [route, setRoute] = useState(() => readHash(location.hash));

  useEffect(() => {
    api.session().then(
      (session) => signedIn(session),
      () => setState({ kind: 'signed-out' }),
    );
    const onHash = () => setRoute(readHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  function signedIn(session: SessionInfo) {
    setCsrfToken(session.csrfToken);
    setState({ kind: 'signed-in', session });
  }

  async function signOut(session: SessionInfo) {
    await api.signOut(session.csrfToken).catch(() => undefined);
    setCsrfToken(undefined);
    setState({ kind: 'signed-out', notice: 'You are signed out.' });
  }

  const expired = () => {
    setCsrfToken(undefined);
    setState({ kind: 'signed-out', notice: 'Your session ended; sign in again.' });
  };

  if (state.kind === 'loading') return <p class="loading" role="status">Loading…</p>;
  if (state.kind === 'signed-out') return <SignIn notice={state.notice} onSignedIn={signedIn} />;
  const { role, department } = state.session;
  // A role sees only its own pages; a link to another's opens the role's first page.
  const page = pageFor(role, route.page);
  const rest = page === route.page ? route.rest : undefined;
  return (
    <div class="shell">
      <DemoBanner />
      <header class="top">
        <span class="brand">Customer Chair · CX dashboard</span>
        <span class="who">
          Signed in as {state.session.label}
          <span class="role-badge" title={ROLE_HINTS[role]}>
            {role}
          </span>
          <button type="button" class="secondary" onClick={() => signOut(state.session)}>
            Sign out
          </button>
        </span>
      </header>
      <Nav current={page} role={role} />
      {page === 'adoption' && <Overview onExpired={expired} />}
      {page === 'judging' && (role === 'admin' || role === 'judge') && <Judging role={role} department={department} roundHint={rest} onExpired={expired} />}
      {page === 'rounds' && <Rounds roundId={rest} onExpired={expired} />}
      {page === 'stories' && (rest ? <StoryEditor key={rest} storyId={rest === 'new' ? undefined : rest} onExpired={expired} /> : <Stories onExpired={expired} />)}
      {page === 'voice' && <VoicePage hash={rest} onExpired={expired} />}
      {page === 'schedule' && <Schedule onExpired={expired} />}
      {page === 'prompts' && <Prompts onExpired={expired} />}
      {page === 'roles' && <Roles onExpired={expired} />}
      {page === 'settings' && <Settings onExpired={expired} />}
      {page === 'import' && <ImportExport onExpired={expired} />}
      {page === 'people' && <People onExpired={expired} />}
      {page === 'audit' && <AuditLog onExpired={expired} />}
    </div>
  );
}
