import { z } from 'zod';
import { AdminRoleSchema } from './admin-role';

/** `POST /api/v1/session`: a CX lead signs in to the dashboard with an admin token. */
export const SignInSchema = z.strictObject({
  token: z.string().trim().min(1, 'enter your admin token').max(256),
});
export type SignIn = z.infer<typeof SignInSchema>;

/**
 * Who is signed in; `csrfToken` goes back in `X-CSRF-Token` on every
 * state-changing request. `role` tells the dashboard what to offer (the
 * server refuses the rest anyway); `department` is a judge's own, whose
 * entries the judge is not shown.
 */
export const SessionInfoSchema = z.object({
  label: z.string(),
  role: AdminRoleSchema,
  department: z.string().nullable(),
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/**
 * `GET /api/v1/session/options` (public): what the sign-in page offers.
 * `providerName`: "Sign in with <providerName>" (null: no company sign-in
 * on this server); `tokenSignIn`: whether the admin-token form is shown;
 * `demo`: the database is `pnpm demo`'s, its usage generated (the dashboard
 * shows a banner saying so).
 */
export const SignInOptionsSchema = z.object({
  providerName: z.string().nullable(),
  tokenSignIn: z.boolean(),
  demo: z.boolean(),
});
export type SignInOptions = z.infer<typeof SignInOptionsSchema>;
