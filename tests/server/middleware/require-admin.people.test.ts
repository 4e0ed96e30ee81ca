import { randomBytes } from 'node:crypto';
import type { AdminRole } from '../../../shared/src/schemas/admin-role';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../../server/src/auth/tokens';
import { insertSession } from '../../../server/src/storage/queries/insert-session';
import { savePerson } from '../../../server/src/storage/queries/save-person';
import { sql } from '../../../server/src/storage/sql';
import { snapshot } from '../../support/admin-api';
import { makeTestApp } from '../../support/test-app';

const NOW = '2026-11-23T10:00:00Z';
type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

/** A session of a person who signed in with the company's provider, as the callback makes it. */
async function personSession(t: TestApp, person: { subject: string; name: string | null; email: string | null }, role: AdminRole, department: string | null = null) {
  const personId = await savePerson(t.storage, { issuer: 'https://login.example.com', ...person, department, groupRole: role }, new Date(NOW));
  const id = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await insertSession(t.storage, { idHash: hashToken(id), personId, role, department, csrfToken: csrf, createdAt: new Date(NOW), expiresAt: new Date('2026-11-23T11:00:00Z') });
  return { personId, headers: { Cookie: `cc_session=${id}`, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' } };
}

describe('sessions of people signed in with the company\'s provider', () => {
  it('carry their role and department like a token\'s: who is signed in, admin routes for an admin, 403 for a viewer', async () => {
    const t = await makeTestApp({ now: NOW });
    const lena = await personSession(t, { subject: 'lena', name: 'Lena Lead', email: 'lena@example.com' }, 'admin');
    const jo = await personSession(t, { subject: 'jo', name: null, email: 'jo@example.com' }, 'judge', 'manufacturing');
    const vi = await personSession(t, { subject: 'vi', name: 'Vi Viewer', email: null }, 'viewer');

    expect(await (await t.app.request('/api/v1/session', { headers: jo.headers })).json()).toMatchObject({ label: 'jo@example.com', role: 'judge', department: 'manufacturing' });
    expect((await t.app.request('/api/v1/admin/audit', { headers: lena.headers })).status).toBe(200);
    const refused = await t.app.request('/api/v1/admin/audit', { headers: vi.headers });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe('This needs the admin role; you are signed in as a viewer.');
    expect((await t.app.request('/api/v1/dashboard/overview', { headers: vi.headers })).status).toBe(200);
    expect((await t.app.request('/api/v1/dashboard/overview', { headers: jo.headers })).status).toBe(403);
  });

  it('the audit log names the person who changed something', async () => {
    const t = await makeTestApp({ now: NOW });
    const lena = await personSession(t, { subject: 'lena', name: 'Lena Lead', email: 'lena@example.com' }, 'admin');
    const settings = (await (await t.app.request('/api/v1/admin/settings', { headers: lena.headers })).json()) as { revision: number };
    const put = await t.app.request('/api/v1/admin/settings', { method: 'PUT', headers: lena.headers, body: JSON.stringify({ timezone: 'Europe/Berlin', revision: settings.revision }) });
    expect(put.status).toBe(200);
    const { entries } = (await (await t.app.request('/api/v1/admin/audit', { headers: lena.headers })).json()) as { entries: { label: string; action: string }[] };
    expect(entries[0]).toMatchObject({ label: 'Lena Lead', action: 'updated' });
    expect(await t.storage.one(sql`SELECT admin_token_id AS "tokenId", person_id AS "personId" FROM audit_log ORDER BY id DESC LIMIT 1`)).toEqual({ tokenId: null, personId: lena.personId });
  });

  it('a change without the session\'s CSRF token is refused (403, nothing saved)', async () => {
    const t = await makeTestApp({ now: NOW });
    const lena = await personSession(t, { subject: 'lena', name: 'Lena Lead', email: null }, 'admin');
    const before = await snapshot(t);
    const { 'X-CSRF-Token': _csrf, ...noCsrf } = lena.headers;
    expect((await t.app.request('/api/v1/admin/settings', { method: 'PUT', headers: noCsrf, body: JSON.stringify({ timezone: 'Europe/Berlin', revision: 1 }) })).status).toBe(403);
    expect(await snapshot(t)).toBe(before);
  });
});
