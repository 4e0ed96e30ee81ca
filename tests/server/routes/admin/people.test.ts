import { describe, expect, it } from 'vitest';
import { savePerson } from '../../../../server/src/storage/queries/save-person';
import { PersonListSchema, PersonRecordSchema, type PersonRecord } from '../../../../shared/src/schemas/person';
import { auditLog, json, send, snapshot, type TestApp } from '../../../support/admin-api';
import { personSession } from '../../../support/person-session';
import { makeTestApp } from '../../../support/test-app';

const NOW = '2026-11-23T10:00:00Z';
const at = (iso: string) => new Date(iso);
type Body = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };

async function people(t: TestApp): Promise<PersonRecord[]> {
  return PersonListSchema.parse(await json(send(t, 'GET', '/people'))).people;
}
const sessionOf = async (t: TestApp, cookie: string) => t.app.request('/api/v1/session', { headers: { Cookie: cookie } });

/** Lena (admin by group), Jo (judge by group, claims manufacturing) and Vi (viewer by group), each signed in this morning for 8 hours. */
async function company() {
  const t = await makeTestApp({ now: NOW });
  const lena = await personSession(t.storage, { subject: 'lena', name: 'Lena Lead', email: 'lena@example.com', groupRole: 'admin' }, at('2026-11-23T08:00:00Z'), 8);
  const jo = await personSession(t.storage, { subject: 'jo', name: 'Jo Judge', groupRole: 'judge', department: 'manufacturing' }, at('2026-11-23T09:00:00Z'), 8);
  const vi = await personSession(t.storage, { subject: 'vi', name: null, email: 'vi@example.com', groupRole: 'viewer' }, at('2026-11-23T09:30:00Z'), 8);
  return { t, lena, jo, vi };
}

describe('GET /api/v1/admin/people', () => {
  it('lists who signed in, latest first, with the role their groups give, grants, department and whether signed in now', async () => {
    const { t, jo, vi } = await company();
    const list = await people(t);
    expect(list.map((p) => p.name ?? p.email)).toEqual(['vi@example.com', 'Jo Judge', 'Lena Lead']);
    expect(list[1]).toEqual({
      id: jo.personId,
      name: 'Jo Judge',
      email: null,
      subject: 'jo',
      groupRole: 'judge',
      grants: [],
      role: 'judge',
      claimedDepartment: 'manufacturing',
      setDepartment: null,
      department: 'manufacturing',
      firstSignInAt: '2026-11-23T09:00:00.000Z',
      lastSignInAt: '2026-11-23T09:00:00.000Z',
      signedIn: true,
    });
    // Sessions end (Vi's at 17:30): signed in no more.
    t.clock.set('2026-11-23T18:00:00Z');
    expect((await people(t)).find((p) => p.id === vi.personId)?.signedIn).toBe(false);
  });

  it('is for admins only: a judge and a viewer signed in with the provider are refused', async () => {
    const { t, jo, vi } = await company();
    for (const who of [jo, vi]) {
      const response = await t.app.request('/api/v1/admin/people', { headers: who.headers });
      expect(response.status).toBe(403);
    }
  });
});

describe('granting and taking back roles', () => {
  it('grants a role to a person refused for want of one; they can then sign in with it; the audit log names both', async () => {
    const { t, lena } = await company();
    // Nat tried to sign in: no group gives a role, so they are listed with none (the callback saved them).
    const nat = await savePerson(t.storage, { issuer: 'https://login.example.com', subject: 'nat', name: 'Nat Nobody', email: null, department: null, groupRole: null }, at(NOW));
    expect((await people(t)).find((p) => p.id === nat)).toMatchObject({ role: null, groupRole: null, signedIn: false });

    const granted = await t.app.request(`/api/v1/admin/people/${nat}/grants/viewer`, { method: 'PUT', headers: lena.headers });
    expect(granted.status).toBe(200);
    expect(PersonRecordSchema.parse(await granted.json())).toMatchObject({ role: 'viewer', grants: [{ role: 'viewer', grantedBy: 'Lena Lead', grantedAt: '2026-11-23T10:00:00.000Z' }] });
    // Granting again changes nothing and writes no second audit line.
    expect((await t.app.request(`/api/v1/admin/people/${nat}/grants/viewer`, { method: 'PUT', headers: lena.headers })).status).toBe(200);
    const log = (await auditLog(t)).filter((e) => e.entity === 'person');
    expect(log).toEqual([expect.objectContaining({ label: 'Lena Lead', action: 'updated', entityId: String(nat), summary: 'Nat Nobody: granted viewer' })]);
    // Signed in now (as the callback would): a viewer.
    const session = await personSession(t.storage, { subject: 'nat', name: 'Nat Nobody', groupRole: null }, at(NOW));
    expect(await json(sessionOf(t, session.cookie))).toMatchObject({ label: 'Nat Nobody', role: 'viewer' });
  });

  it('a grant or its taking back applies to the person’s live session at once; with no role left, they are signed out', async () => {
    const { t, lena, vi } = await company();
    expect(await json(sessionOf(t, vi.cookie))).toMatchObject({ role: 'viewer' });
    await send(t, 'PUT', `/people/${vi.personId}/grants/judge`, undefined, lena.headers);
    expect(await json(sessionOf(t, vi.cookie))).toMatchObject({ role: 'judge' });
    // The grant goes: back to what the groups give.
    const back = await json<PersonRecord>(send(t, 'DELETE', `/people/${vi.personId}/grants/judge`, undefined, lena.headers));
    expect(back).toMatchObject({ role: 'viewer', grants: [], signedIn: true });
    expect(await json(sessionOf(t, vi.cookie))).toMatchObject({ role: 'viewer' });

    // Someone whose access came only from a grant is signed out when it is taken back.
    const natId = await savePerson(t.storage, { issuer: 'https://login.example.com', subject: 'nat', name: 'Nat', email: null, department: null, groupRole: null }, at(NOW));
    await send(t, 'PUT', `/people/${natId}/grants/admin`, undefined, lena.headers);
    const natSession = await personSession(t.storage, { subject: 'nat', name: 'Nat', groupRole: null }, at(NOW));
    expect((await t.app.request('/api/v1/admin/stories', { headers: natSession.headers })).status).toBe(200);
    const revoked = await json<PersonRecord>(send(t, 'DELETE', `/people/${natId}/grants/admin`, undefined, lena.headers));
    expect(revoked).toMatchObject({ role: null, signedIn: false });
    expect((await sessionOf(t, natSession.cookie)).status).toBe(401);
    expect((await t.app.request('/api/v1/admin/stories', { headers: natSession.headers })).status).toBe(401);
  });

  it('an admin cannot take their own admin grant (409, nothing changed); another admin can', async () => {
    const { t, lena } = await company();
    await send(t, 'PUT', `/people/${lena.personId}/grants/admin`, undefined);
    const before = await snapshot(t);
    const refused = await send(t, 'DELETE', `/people/${lena.personId}/grants/admin`, undefined, lena.headers);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as Body).error.message).toBe('You cannot take your own admin role away; another admin can. Nothing was changed.');
    expect(await snapshot(t)).toBe(before);
    // The admin token (another admin) can.
    expect(await json(send(t, 'DELETE', `/people/${lena.personId}/grants/admin`))).toMatchObject({ grants: [], role: 'admin', groupRole: 'admin' });
  });

  it('names what is wrong: an unknown person (404), a role that does not exist (400), a missing CSRF token (403); nothing stored', async () => {
    const { t, lena, jo } = await company();
    const before = await snapshot(t);
    const missing = await send(t, 'PUT', '/people/999/grants/judge', undefined, lena.headers);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as Body).error.message).toBe('There is no person 999; ask GET /api/v1/admin/people for who has signed in.');
    expect((await send(t, 'PUT', '/people/abc/grants/judge', undefined, lena.headers)).status).toBe(404);
    const badRole = await send(t, 'PUT', `/people/${jo.personId}/grants/owner`, undefined, lena.headers);
    expect(badRole.status).toBe(400);
    expect(((await badRole.json()) as Body).error.issues).toEqual([{ path: 'role', message: '"owner" must be "admin", "judge" or "viewer"' }]);
    const { 'X-CSRF-Token': _csrf, ...noCsrf } = lena.headers;
    expect((await send(t, 'PUT', `/people/${jo.personId}/grants/admin`, undefined, noCsrf)).status).toBe(403);
    expect(await snapshot(t)).toBe(before);
  });
});

describe('PUT /api/v1/admin/people/:id/department', () => {
  it('sets the department a judge is kept from, over the provider’s claim, at once in their session; null follows the claim again', async () => {
    const { t, lena, jo } = await company();
    const set = await json<PersonRecord>(send(t, 'PUT', `/people/${jo.personId}/department`, { department: 'sales' }, lena.headers));
    expect(set).toMatchObject({ claimedDepartment: 'manufacturing', setDepartment: 'sales', department: 'sales' });
    expect(await json(sessionOf(t, jo.cookie))).toMatchObject({ role: 'judge', department: 'sales' });
    expect((await auditLog(t))[0]).toMatchObject({ label: 'Lena Lead', entity: 'person', summary: 'Jo Judge: department set to Sales' });

    const follow = await json<PersonRecord>(send(t, 'PUT', `/people/${jo.personId}/department`, { department: null }, lena.headers));
    expect(follow).toMatchObject({ setDepartment: null, department: 'manufacturing' });
    expect(await json(sessionOf(t, jo.cookie))).toMatchObject({ department: 'manufacturing' });
    expect((await auditLog(t))[0]).toMatchObject({ summary: 'Jo Judge: department follows the provider (manufacturing)' });
  });

  it('refuses a department the company does not have, naming the ones it has (400, nothing stored)', async () => {
    const { t, lena, jo } = await company();
    const before = await snapshot(t);
    const response = await send(t, 'PUT', `/people/${jo.personId}/department`, { department: 'research' }, lena.headers);
    expect(response.status).toBe(400);
    const issue = ((await response.json()) as Body).error.issues![0]!;
    expect(issue.path).toBe('department');
    expect(issue.message).toMatch(/^there is no department "research"; use one of .*manufacturing.*, or null to follow the provider$/);
    expect((await send(t, 'PUT', `/people/${jo.personId}/department`, { department: '' }, lena.headers)).status).toBe(400);
    expect((await send(t, 'PUT', `/people/${jo.personId}/department`, { department: 'sales', extra: 1 }, lena.headers)).status).toBe(400);
    expect(await snapshot(t)).toBe(before);
  });
});
