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

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, { credentials: 'same-origin', ...init });
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => undefined)) as T | ApiError | undefined;
  if (!response.ok) {
    const message = (body as ApiError | undefined)?.error?.message ?? `The server answered ${response.status}.`;
    throw new ApiFailure(response.status, message);
  }
  return body as T;
}

export const api = {
  session: () => call<SessionInfo>('/api/v1/session'),
  signIn: (token: string) =>
    call<SessionInfo>('/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) }),
  signOut: (csrfToken: string) => call<void>('/api/v1/session', { method: 'DELETE', headers: { 'X-CSRF-Token': csrfToken } }),
  /** Without a range, the server answers for the last 30 days of the company's calendar. */
  overview: (range?: { from: string; to: string }) =>
    call<DashboardOverview>(`/api/v1/dashboard/overview${range ? `?from=${range.from}&to=${range.to}` : ''}`),
  department: (id: string, from: string, to: string) =>
    call<DepartmentDetail>(`/api/v1/dashboard/departments/${encodeURIComponent(id)}?from=${from}&to=${to}`),
};

export const csvUrl = (from: string, to: string, view: 'departments' | 'weekly') => `/api/v1/stats.csv?from=${from}&to=${to}&view=${view}`;

/** The session ended (expired, signed out elsewhere, token revoked). */
export const isExpired = (error: unknown) => error instanceof ApiFailure && error.status === 401;
