import type { AdminRole } from '../../../shared/src/schemas/admin-role';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AdminVariables } from '../../../server/src/middleware/require-admin';
import { requireRole } from '../../../server/src/middleware/require-role';
import type { SessionVariables } from '../../../server/src/middleware/require-session';

/** An app whose "credential" middleware sets the role from a header, as requireAdmin or requireSession would from the database. */
function appFor(via: 'admin' | 'session', ...roles: [AdminRole, ...AdminRole[]]) {
  return new Hono<{ Variables: Partial<AdminVariables & SessionVariables> }>().get(
    '/',
    async (c, next) => {
      const role = c.req.header('X-Role') as AdminRole | undefined;
      if (role && via === 'admin') c.set('admin', { id: 1, personId: null, label: 'Someone', role, department: null });
      if (role && via === 'session') c.set('session', { adminTokenId: 1, personId: null, label: 'Someone', role, department: null, csrfToken: 'x', expiresAt: '2026-11-23T22:00:00.000Z' });
      return next();
    },
    requireRole(...roles),
    (c) => c.text('ok'),
  );
}

const ask = (app: ReturnType<typeof appFor>, role?: AdminRole) => app.request('/', { headers: role ? { 'X-Role': role } : {} });

describe('requireRole', () => {
  it('lets the named roles through, by token or by session', async () => {
    for (const via of ['admin', 'session'] as const) {
      expect((await ask(appFor(via, 'admin'), 'admin')).status).toBe(200);
      const adoption = appFor(via, 'admin', 'viewer');
      expect((await ask(adoption, 'admin')).status).toBe(200);
      expect((await ask(adoption, 'viewer')).status).toBe(200);
    }
  });

  it('refuses other roles with 403 saying what is needed and what the token is', async () => {
    const admins = await ask(appFor('admin', 'admin'), 'judge');
    expect(admins.status).toBe(403);
    expect(await admins.json()).toEqual({ error: { code: 'forbidden', message: "This needs the admin role; your token is a judge's." } });
    const adoption = await ask(appFor('session', 'admin', 'viewer'), 'judge');
    expect(((await adoption.json()) as { error: { message: string } }).error.message).toBe("This needs the admin or viewer role; your token is a judge's.");
    const judging = await ask(appFor('admin', 'judge'), 'admin');
    expect(((await judging.json()) as { error: { message: string } }).error.message).toBe("This needs the judge role; your token is an admin's.");
    const repeated = await ask(appFor('admin', 'admin', 'judge', 'admin'), 'viewer');
    expect(((await repeated.json()) as { error: { message: string } }).error.message).toBe("This needs the admin or judge role; your token is a viewer's.");
  });

  it('refuses (401) when no credential was read before it: a misordered app stays closed', async () => {
    const response = await ask(appFor('admin', 'admin'));
    expect(response.status).toBe(401);
  });
});
