import type { AdminRole } from '@customer-chair/shared/schemas/admin-role';

/**
 * Who is calling a dashboard route: an admin token (`id`; by bearer token or
 * a session made with it), or a person signed in with the company's provider
 * (`personId`, `id` null). The label names them in the audit log; the role
 * (and a judge's department) decide what they may do.
 */
export type Credential = { id: number | null; personId: number | null; label: string; role: AdminRole; department: string | null };
