import { describe, expect, it } from 'vitest';
import { hashToken } from '../../../../server/src/auth/tokens';
import { findSession } from '../../../../server/src/storage/queries/find-session';
import { insertAuditEntry } from '../../../../server/src/storage/queries/insert-audit-entry';
import { insertSession } from '../../../../server/src/storage/queries/insert-session';
import { listRoleGrants } from '../../../../server/src/storage/queries/list-role-grants';
import { revokeAdminToken } from '../../../../server/src/storage/queries/revoke-admin-token';
import { savePerson } from '../../../../server/src/storage/queries/save-person';
import { sql } from '../../../../server/src/storage/sql';
import { makeTestApp } from '../../../support/test-app';

const NOW = new Date('2026-11-23T10:00:00Z');
const LATER = new Date('2026-11-23T11:00:00Z');
const ISSUER = 'https://login.example.com';

describe('sessions of admin tokens and of people', () => {
  it('a person\'s session carries the role and department it was made with, labelled with their name, else e-mail, else subject', async () => {
    const { storage } = await makeTestApp();
    const jo = await savePerson(storage, { issuer: ISSUER, groupRole: null, subject: 'jo', name: 'Jo Judge', email: 'jo@example.com', department: 'manufacturing' }, NOW);
    const mail = await savePerson(storage, { issuer: ISSUER, groupRole: null, subject: 'mail-only', name: null, email: 'm@example.com', department: null }, NOW);
    const bare = await savePerson(storage, { issuer: ISSUER, groupRole: null, subject: 'sub-only', name: null, email: null, department: null }, NOW);
    await insertSession(storage, { idHash: hashToken('s-jo'), personId: jo, role: 'judge', department: 'manufacturing', csrfToken: 'csrf-jo', createdAt: NOW, expiresAt: LATER });
    await insertSession(storage, { idHash: hashToken('s-mail'), personId: mail, role: 'viewer', department: null, csrfToken: 'csrf-m', createdAt: NOW, expiresAt: LATER });
    await insertSession(storage, { idHash: hashToken('s-bare'), personId: bare, role: 'admin', department: null, csrfToken: 'csrf-b', createdAt: NOW, expiresAt: LATER });

    expect(await findSession(storage, hashToken('s-jo'), NOW)).toEqual({
      adminTokenId: null,
      personId: jo,
      label: 'Jo Judge',
      role: 'judge',
      department: 'manufacturing',
      csrfToken: 'csrf-jo',
      expiresAt: LATER.toISOString(),
    });
    expect((await findSession(storage, hashToken('s-mail'), NOW))?.label).toBe('m@example.com');
    expect((await findSession(storage, hashToken('s-bare'), NOW))?.label).toBe('sub-only');
    // Expired: gone.
    expect(await findSession(storage, hashToken('s-jo'), LATER)).toBeUndefined();
  });

  it('a token\'s session is read as before, and ends when the token is revoked', async () => {
    const { storage } = await makeTestApp();
    const token = (await storage.one<{ id: number }>(sql`SELECT id FROM admin_tokens`))!.id;
    await insertSession(storage, { idHash: hashToken('s-token'), adminTokenId: token, csrfToken: 'csrf-t', createdAt: NOW, expiresAt: LATER });
    expect(await findSession(storage, hashToken('s-token'), NOW)).toEqual({
      adminTokenId: token,
      personId: null,
      label: 'ADMIN_TOKEN (environment)',
      role: 'admin',
      department: null,
      csrfToken: 'csrf-t',
      expiresAt: LATER.toISOString(),
    });
    await revokeAdminToken(storage, token, NOW);
    expect(await findSession(storage, hashToken('s-token'), NOW)).toBeUndefined();
  });

  it('a session belongs to a token or to a person, never both or neither, and a person\'s has a role', async () => {
    const { storage } = await makeTestApp();
    const token = (await storage.one<{ id: number }>(sql`SELECT id FROM admin_tokens`))!.id;
    const person = await savePerson(storage, { issuer: ISSUER, groupRole: null, subject: 'p', name: 'P', email: null, department: null }, NOW);
    const insert = (tokenId: number | null, personId: number | null, role: string | null) =>
      storage.run(sql`INSERT INTO sessions (id_hash, admin_token_id, person_id, role, csrf_token, created_at, expires_at)
                      VALUES (${`h${tokenId}${personId}${role}`}, ${tokenId}, ${personId}, ${role}, 'c', ${NOW.toISOString()}, ${LATER.toISOString()})`);
    await expect(insert(token, person, 'admin')).rejects.toThrow();
    await expect(insert(null, null, null)).rejects.toThrow();
    await expect(insert(null, person, null)).rejects.toThrow();
    await expect(insert(null, person, 'owner')).rejects.toThrow();
  });

  it('a person signing in again is the same person, with what the provider says of them now', async () => {
    const { storage } = await makeTestApp();
    const first = await savePerson(storage, { issuer: ISSUER, groupRole: null, subject: 'jo', name: 'Jo', email: 'jo@old.example', department: 'sales' }, NOW);
    const again = await savePerson(storage, { issuer: ISSUER, groupRole: null, subject: 'jo', name: 'Jo Judge', email: 'jo@example.com', department: 'manufacturing' }, LATER);
    const elsewhere = await savePerson(storage, { issuer: 'https://other.example', groupRole: null, subject: 'jo', name: 'Other Jo', email: null, department: null }, LATER);
    expect(again).toBe(first);
    expect(elsewhere).not.toBe(first);
    expect(await storage.one(sql`SELECT name, email, department, first_sign_in_at AS "first", last_sign_in_at AS "last" FROM people WHERE id = ${first}`)).toEqual({
      name: 'Jo Judge',
      email: 'jo@example.com',
      department: 'manufacturing',
      first: NOW.toISOString(),
      last: LATER.toISOString(),
    });
    expect(await listRoleGrants(storage, first)).toEqual([]);
    await storage.run(sql`INSERT INTO role_grants (person_id, role, granted_by, granted_at) VALUES (${first}, 'viewer', 'Ana', ${NOW.toISOString()})`);
    expect(await listRoleGrants(storage, first)).toEqual(['viewer']);
  });

  it('the audit log names the person who acted', async () => {
    const { storage } = await makeTestApp();
    const person = await savePerson(storage, { issuer: ISSUER, groupRole: null, subject: 'lena', name: 'Lena Lead', email: null, department: null }, NOW);
    await insertAuditEntry(storage, { actor: { id: null, personId: person, label: 'Lena Lead' }, action: 'updated', entity: 'settings', entityId: 'timezone', summary: 'x' }, NOW);
    expect(await storage.one(sql`SELECT admin_token_id AS "tokenId", person_id AS "personId", label FROM audit_log`)).toEqual({ tokenId: null, personId: person, label: 'Lena Lead' });
  });
});
