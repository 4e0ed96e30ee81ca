import type { SessionInfo } from '@customer-chair/shared/schemas/session';
import { useEffect, useState } from 'preact/hooks';
import { api, onSessionEnded, setCsrfToken } from './api';
import { readAdoptionView } from './adoption-route';
import { DemoBanner } from './demo-banner';
import { lazyPage } from './lazy-page';
import { Nav, pageFor, readHash } from './nav';
import { SignIn } from './sign-in';

// Each page is loaded when it is first opened.
const Overview = lazyPage(() => import('./overview').then((m) => m.Overview));
const Judging = lazyPage(() => import('./judging').then((m) => m.Judging));
const Rounds = lazyPage(() => import('./rounds').then((m) => m.Rounds));
const Stories = lazyPage(() => import('./stories').then((m) => m.Stories));
const StoryEditor = lazyPage(() => import('./story-editor').then((m) => m.StoryEditor));
// The voice schemas bring their schema library (shared with the extension), which no other page needs.
const VoiceInbox = lazyPage(() => import('./voice-inbox').then((m) => m.VoiceInbox));
const Schedule = lazyPage(() => import('./schedule').then((m) => m.Schedule));
const Prompts = lazyPage(() => import('./prompts').then((m) => m.Prompts));
const Roles = lazyPage(() => import('./roles').then((m) => m.Roles));
const Settings = lazyPage(() => import('./settings').then((m) => m.Settings));
const ImportExport = lazyPage(() => import('./import-export').then((m) => m.ImportExport));
const People = lazyPage(() => import('./people').then((m) => m.People));
const AuditLog = lazyPage(() => import('./audit-log').then((m) => m.AuditLog));

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
    // Any call that finds the session ended (expired, signed out elsewhere, revoked) brings the sign-in page, once.
    onSessionEnded(() => setState({ kind: 'signed-out', notice: 'Your session ended; sign in again.' }));
    api.session().then(
      (session) => signedIn(session),
      () => setState({ kind: 'signed-out' }),
    );
    const onHash = () => setRoute(readHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => {
      onSessionEnded(undefined);
      removeEventListener('hashchange', onHash);
    };
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
      {page === 'adoption' && <Overview view={readAdoptionView(rest, route.params)} />}
      {page === 'judging' && (role === 'admin' || role === 'judge') && <Judging role={role} department={department} roundHint={rest} />}
      {page === 'rounds' && <Rounds roundId={rest} />}
      {page === 'stories' && (rest ? <StoryEditor key={rest} storyId={rest === 'new' ? undefined : rest} /> : <Stories />)}
      {page === 'voice' && <VoiceInbox hash={rest} />}
      {page === 'schedule' && <Schedule />}
      {page === 'prompts' && <Prompts />}
      {page === 'roles' && <Roles />}
      {page === 'settings' && <Settings />}
      {page === 'import' && <ImportExport />}
      {page === 'people' && <People />}
      {page === 'audit' && <AuditLog />}
    </div>
  );
}
