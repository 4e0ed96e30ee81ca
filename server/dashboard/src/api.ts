import type { AdminTokenList } from '@customer-chair/shared/schemas/admin-token';
import type { ApiError, ApiErrorCode, ApiIssue } from '@customer-chair/shared/schemas/api-error';
import type { AuditPage } from '@customer-chair/shared/schemas/audit-entry';
import type { ImportResult } from '@customer-chair/shared/schemas/content-import';
import type { DepartmentDraft, DepartmentEdit, DepartmentList, DepartmentRecord } from '@customer-chair/shared/schemas/department-record';
import type { PromptDraft, PromptEdit, PromptList, PromptRecord } from '@customer-chair/shared/schemas/prompt-record';
import type { RoleActionsEdit, RoleDraft, RoleEdit, RoleList, RoleRecord } from '@customer-chair/shared/schemas/role-record';
import type { Schedule, ScheduleDay } from '@customer-chair/shared/schemas/schedule';
import type { Settings, SettingsEdit } from '@customer-chair/shared/schemas/settings';
import type { StoryArchived, StoryDraft, StoryEdit, StoryList, StoryRecord } from '@customer-chair/shared/schemas/story-record';
import type { JudgingEntryList, JudgingRoundList, PublishedResults, RoundStats, RoundSummary, RoundWinners, SavedScorecard } from '@customer-chair/shared/schemas/judging';
import type { RoundDraft, RoundEdit, RoundList, RoundRecord } from '@customer-chair/shared/schemas/recognition-round';
import type { Scorecard } from '@customer-chair/shared/schemas/scorecard';
import type { DashboardOverview } from '@customer-chair/shared/schemas/dashboard-overview';
import type { DepartmentDetail } from '@customer-chair/shared/schemas/department-detail';
import type { NewInstalls } from '@customer-chair/shared/schemas/new-installs';
import type { AdminRole } from '@customer-chair/shared/schemas/admin-role';
import type { PersonList, PersonRecord } from '@customer-chair/shared/schemas/person';
import type { SessionInfo, SignInOptions } from '@customer-chair/shared/schemas/session';
import type { ListeningStats } from '@customer-chair/shared/schemas/listening-stats';
import type { VoiceInbox, VoiceInboxQuery, VoiceMessageRecord, VoiceShare, VoiceStoryResult, VoiceUpdate } from '@customer-chair/shared/schemas/voice';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: ApiErrorCode,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
  }
}

/** "Try again in 900 seconds" reads better as minutes; Retry-After says how long. */
function waitMessage(response: Response): string {
  const seconds = Number(response.headers.get('Retry-After'));
  if (!Number.isFinite(seconds) || seconds <= 0) return 'Wait a few minutes, then try again.';
  if (seconds < 90) return `Try again in ${Math.ceil(seconds)} second${Math.ceil(seconds) === 1 ? '' : 's'}.`;
  return `Try again in ${Math.ceil(seconds / 60)} minutes.`;
}

/** The session's CSRF token: every change the dashboard asks for carries it. Set while signed in, so it also says whether a session is believed to be alive. */
let csrfToken: string | undefined;
export const setCsrfToken = (token: string | undefined) => {
  csrfToken = token;
};

/** Who is told that the session ended: the App, which shows the sign-in page. */
let sessionEnded: (() => void) | undefined;
export const onSessionEnded = (listener: (() => void) | undefined) => {
  sessionEnded = listener;
};

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  const method = init.method ?? 'GET';
  const headers = new Headers(init.headers);
  const session = csrfToken;
  if (method !== 'GET' && csrfToken && !headers.has('X-CSRF-Token')) headers.set('X-CSRF-Token', csrfToken);
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init, headers });
  } catch {
    throw new ApiFailure(0, 'The server could not be reached. Check your connection, then try again.');
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => undefined)) as T | ApiError | undefined;
  // A 401 while signed in means the session ended (expired, signed out elsewhere, revoked): said once, here, for every
  // page. Not before sign-in (the first look at the session, a wrong token), and not again for calls made with the
  // same session that answer later.
  if (response.status === 401 && session !== undefined && session === csrfToken) {
    csrfToken = undefined;
    sessionEnded?.();
  }
  if (!response.ok) {
    const error = (body as ApiError | undefined)?.error;
    let message = error?.message ?? `The server answered ${response.status}.`;
    const details = (error?.issues ?? []).filter((issue) => !message.toLowerCase().includes(issue.message.toLowerCase()));
    if (details.length) message += ` (${details.map((issue) => `${issue.path}: ${issue.message}`).join('; ')})`;
    if (response.status === 429) message = `${message.replace(/ Try again in \d+ seconds?\.$/, '')} ${waitMessage(response)}`;
    throw new ApiFailure(response.status, message, error?.code, error?.issues ?? []);
  }
  return body as T;
}

const query = (range: { from: string; to: string }) => `from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`;

export const api = {
  session: () => call<SessionInfo>('/api/v1/session'),
  /** What the sign-in page offers: "Sign in with <provider>" and/or the admin-token form. */
  signInOptions: () => call<SignInOptions>('/api/v1/session/options'),
  signIn: (token: string) =>
    call<SessionInfo>('/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) }),
  signOut: (csrfToken: string) => call<void>('/api/v1/session', { method: 'DELETE', headers: { 'X-CSRF-Token': csrfToken } }),
  /** Without a range, the server answers for the last 30 days of the company's calendar. */
  overview: (range?: { from: string; to: string }) => call<DashboardOverview>(`/api/v1/dashboard/overview${range ? `?${query(range)}` : ''}`),
  /** Installs first seen per week and in the last 7 days, company-wide (a wave of invented installs shows here). */
  newInstalls: () => call<NewInstalls>('/api/v1/dashboard/new-installs'),
  department: (id: string, range: { from: string; to: string }) =>
    call<DepartmentDetail>(`/api/v1/dashboard/departments/${encodeURIComponent(id)}?${query(range)}`),
  /** Thanks and voice by department over the same whole weeks as the adoption figures (admins and viewers). */
  listening: (range: { from: string; to: string }) => call<ListeningStats>(`/api/v1/dashboard/listening?${query(range)}`),
};

const send = <T>(method: string, path: string, body?: unknown) =>
  call<T>(`/api/v1/admin${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
const id = encodeURIComponent;

/** The content editor's routes (`/api/v1/admin/…`): the session cookie, and the CSRF token on changes. */
export const admin = {
  stories: (q: string, status: 'active' | 'archived' | 'all') => send<StoryList>('GET', `/stories?q=${id(q)}&status=${status}`),
  story: (storyId: string) => send<StoryRecord>('GET', `/stories/${id(storyId)}`),
  createStory: (draft: StoryDraft) => send<StoryRecord>('POST', '/stories', draft),
  saveStory: (storyId: string, edit: StoryEdit) => send<StoryRecord>('PUT', `/stories/${id(storyId)}`, edit),
  archiveStory: (storyId: string, revision: number) => send<StoryArchived>('POST', `/stories/${id(storyId)}/archive`, { revision }),
  restoreStory: (storyId: string, revision: number) => send<StoryArchived>('POST', `/stories/${id(storyId)}/restore`, { revision }),
  /** Without a range: six weeks from the company's today (the answer says which day that is). */
  schedule: (from?: string, to?: string) => send<Schedule>('GET', from && to ? `/schedule?from=${from}&to=${to}` : '/schedule'),
  pick: (day: string, storyId: string, previous: string | null) => send<ScheduleDay>('PUT', `/schedule/${day}`, { storyId, previous }),
  release: (day: string) => send<ScheduleDay>('DELETE', `/schedule/${day}`),
  prompts: () => send<PromptList>('GET', '/prompts'),
  createPrompt: (draft: PromptDraft) => send<PromptRecord>('POST', '/prompts', draft),
  savePrompt: (promptId: string, edit: PromptEdit) => send<PromptRecord>('PUT', `/prompts/${id(promptId)}`, edit),
  deletePrompt: (promptId: string, revision: number) => send<void>('DELETE', `/prompts/${id(promptId)}`, { revision }),
  roles: () => send<RoleList>('GET', '/roles'),
  createRole: (draft: RoleDraft) => send<RoleRecord>('POST', '/roles', draft),
  renameRole: (roleId: string, edit: RoleEdit) => send<RoleRecord>('PUT', `/roles/${id(roleId)}`, edit),
  saveActions: (roleId: string, edit: RoleActionsEdit) => send<RoleRecord>('PUT', `/roles/${id(roleId)}/actions`, edit),
  deleteRole: (roleId: string, revision: number) => send<void>('DELETE', `/roles/${id(roleId)}`, { revision }),
  departments: () => send<DepartmentList>('GET', '/departments'),
  createDepartment: (draft: DepartmentDraft) => send<DepartmentRecord>('POST', '/departments', draft),
  saveDepartment: (departmentId: string, edit: DepartmentEdit) => send<DepartmentRecord>('PUT', `/departments/${id(departmentId)}`, edit),
  deleteDepartment: (departmentId: string, revision: number) => send<void>('DELETE', `/departments/${id(departmentId)}`, { revision }),
  settings: () => send<Settings>('GET', '/settings'),
  saveSettings: (edit: SettingsEdit) => send<Settings>('PUT', '/settings', edit),
  /** `type`: "text/csv" or "application/json", from the file's name or what was pasted. */
  importFile: (mode: 'preview' | 'apply', text: string, type: string) =>
    call<ImportResult>(`/api/v1/admin/import?mode=${mode}`, { method: 'POST', headers: { 'Content-Type': type }, body: text }),
  audit: (before?: number) => send<AuditPage>('GET', `/audit?limit=25${before ? `&before=${before}` : ''}`),
  tokens: () => send<AdminTokenList>('GET', '/tokens'),
  /** Everyone who signed in with the company's provider (or tried to), most recent first. */
  people: () => send<PersonList>('GET', '/people'),
  /** Idempotent; the person's live sessions take the new role at once. */
  grantRole: (personId: number, role: AdminRole) => send<PersonRecord>('PUT', `/people/${personId}/grants/${role}`),
  /** 409 for an admin's own admin grant. */
  revokeRole: (personId: number, role: AdminRole) => send<PersonRecord>('DELETE', `/people/${personId}/grants/${role}`),
  /** A department's id, or null to follow the provider's claim. */
  setPersonDepartment: (personId: number, department: string | null) => send<PersonRecord>('PUT', `/people/${personId}/department`, { department }),
};

const judge = <T>(method: string, path: string, body?: unknown) =>
  call<T>(`/api/v1/judging${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });

/** The panel's routes (`/api/v1/judging/…`): judges and the chair (an admin); winners and publishing are the chair's alone. */
export const judging = {
  rounds: () => judge<JudgingRoundList>('GET', '/rounds'),
  entries: (roundId: string) => judge<JudgingEntryList>('GET', `/rounds/${id(roundId)}/entries`),
  summary: (roundId: string) => judge<RoundSummary>('GET', `/rounds/${id(roundId)}/summary`),
  saveScorecard: (entryId: string, card: Scorecard) => judge<SavedScorecard>('PUT', `/entries/${id(entryId)}/scorecard`, card),
  saveWinners: (roundId: string, entryIds: string[]) => judge<RoundWinners>('PUT', `/rounds/${id(roundId)}/winners`, { entryIds }),
  publish: (roundId: string) => judge<PublishedResults>('POST', `/rounds/${id(roundId)}/publish`),
  /** Entries and winners per department (admins and viewers), folded as usage is. */
  stats: (roundId: string) => judge<RoundStats>('GET', `/rounds/${id(roundId)}/stats`),
};

/** Recognition rounds (admins): `/api/v1/admin/recognition/rounds`. */
export const recognition = {
  rounds: () => send<RoundList>('GET', '/recognition/rounds'),
  createRound: (draft: RoundDraft) => send<RoundRecord>('POST', '/recognition/rounds', draft),
  saveRound: (roundId: string, edit: RoundEdit) => send<RoundRecord>('PUT', `/recognition/rounds/${id(roundId)}`, edit),
  /** Only a round no team has entered (409 otherwise, saying how many entries it has). */
  deleteRound: (roundId: string, revision: number) => send<void>('DELETE', `/recognition/rounds/${id(roundId)}`, { revision }),
};

/** The employees' voice (admins): `/api/v1/admin/voice`. Changes carry the message's revision; 409 when someone else changed it. */
export const voice = {
  /** Filters left out mean "all". */
  inbox: (filters: VoiceInboxQuery) => {
    const params = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === 'string')).toString();
    return send<VoiceInbox>('GET', `/voice${params ? `?${params}` : ''}`);
  },
  /** The status (with why, when not adopted) and the public reply; `reply: null` takes it down. */
  update: (messageId: string, update: VoiceUpdate) => send<VoiceMessageRecord>('PUT', `/voice/${id(messageId)}`, update),
  /** A customer voice as a draft story (archived until the CX lead publishes it). */
  makeStory: (messageId: string, revision: number) => send<VoiceStoryResult>('POST', `/voice/${id(messageId)}/story`, { revision }),
  /** A lesson shown to all departments as a card. */
  share: (messageId: string, share: VoiceShare) => send<VoiceMessageRecord>('POST', `/voice/${id(messageId)}/share`, share),
};

/** The export file; the session cookie goes along with the download. */
export const EXPORT_URL = '/api/v1/admin/export';

/** A stale edit: someone else saved the item since this page loaded it. */
export const isConflict = (error: unknown) => error instanceof ApiFailure && error.status === 409;

/** The server's CSV of the figures on screen (the session cookie goes along with the download). */
export const csvUrl = (range: { from: string; to: string }, view: 'departments' | 'weekly') => `/api/v1/stats.csv?${query(range)}&view=${view}`;

/** The message to show for a failed call (an ended session is handled in `call`: the App shows the sign-in page). */
export const failureMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
