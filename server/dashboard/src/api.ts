import type { ApiError } from '@customer-chair/shared/schemas/api-error';
import type { DashboardOverview } from '@customer-chair/shared/schemas/dashboard-overview';
import type { DepartmentDetail } from '@customer-chair/shared/schemas/department-detail';
import type { SessionInfo } from '@customer-chair/shared/schemas/session';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** "Try again in 900 seconds" reads better as minutes; Retry-After says how long. */
function waitMessage(response: Response): string {
  const seconds = Number(response.headers.get('Retry-After'));
  if (!Number.isFinite(seconds) || seconds <= 0) return 'Wait a few minutes, then try again.';
  if (seconds < 90) return `Try again in ${Math.ceil(seconds)} seconds.`;
  return `Try again in ${Math.ceil(seconds / 60)} minutes.`;
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiFailure(0, 'The server could not be reached. Check your connection, then try again.');
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => undefined)) as T | ApiError | undefined;
  if (!response.ok) {
    const error = (body as ApiError | undefined)?.error;
    let message = error?.message ?? `The server answered ${response.status}.`;
    const details = (error?.issues ?? []).filter((issue) => !message.toLowerCase().includes(issue.message.toLowerCase()));
    if (details.length) message += ` (${details.map((issue) => `${issue.path}: ${issue.message}`).join('; ')})`;
    if (response.status === 429) message = `${message.replace(/ Try again in \d+ seconds\.$/, '')} ${waitMessage(response)}`;
    throw new ApiFailure(response.status, message);
  }
  return body as T;
}

const query = (range: { from: string; to: string }) => `from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`;

export const api = {
  session: () => call<SessionInfo>('/api/v1/session'),
  signIn: (token: string) =>
    call<SessionInfo>('/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) }),
  signOut: (csrfToken: string) => call<void>('/api/v1/session', { method: 'DELETE', headers: { 'X-CSRF-Token': csrfToken } }),
  /** Without a range, the server answers for the last 30 days of the company's calendar. */
  overview: (range?: { from: string; to: string }) => call<DashboardOverview>(`/api/v1/dashboard/overview${range ? `?${query(range)}` : ''}`),
  department: (id: string, range: { from: string; to: string }) =>
    call<DepartmentDetail>(`/api/v1/dashboard/departments/${encodeURIComponent(id)}?${query(range)}`),
};

/** The server's CSV of the figures on screen (the session cookie goes along with the download). */
export const csvUrl = (range: { from: string; to: string }, view: 'departments' | 'weekly') => `/api/v1/stats.csv?${query(range)}&view=${view}`;

/** The session ended (expired, signed out elsewhere, token revoked). */
export const isExpired = (error: unknown) => error instanceof ApiFailure && error.status === 401;
