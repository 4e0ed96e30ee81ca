import { databaseChecksum } from './database-checksum';
import { makeTestApp } from './test-app';

export type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

/** A valid new story, every field filled. */
export const STORY_DRAFT = {
  title: 'Support closed the loop in a day',
  customer: 'Harbour Bank — operations lead',
  quote: 'They called back before I had even finished my coffee.',
  body: 'First paragraph.\n\nSecond paragraph.',
  impact: 'Before: 5 days. After: 1 day.',
  source: 'Support ticket #1234',
  tags: ['support'],
  roles: ['support'],
};


/** A JSON request to the admin API with the test's admin token (or `headers` to replace it). */
export function send(t: TestApp, method: string, path: string, body?: unknown, headers: Record<string, string> = t.admin) {
  return t.app.request(`/api/v1/admin${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The body of an answer, typed for the test. */
export async function json<T = Record<string, any>>(response: Response | Promise<Response>): Promise<T> {
  return (await (await response).json()) as T;
}

/** The content version and ETag extensions would see now. */
export async function contentTag(t: TestApp): Promise<{ version: number; etag: string }> {
  const response = await t.app.request('/api/v1/content');
  return { version: ((await response.json()) as { version: number }).version, etag: response.headers.get('ETag')! };
}

/** Every row of every table, to show that a refused request changed nothing. */
export function snapshot(t: TestApp): Promise<string> {
  return databaseChecksum(t.storage);
}

/** The newest audit entries, as the dashboard lists them. */
export async function auditLog(t: TestApp) {
  return (await json<{ entries: { label: string; action: string; entity: string; entityId: string | null; summary: string }[] }>(send(t, 'GET', '/audit')))
    .entries;
}
