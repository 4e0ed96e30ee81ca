import { z } from 'zod';

/** `POST /api/v1/session`: a CX lead signs in to the dashboard with an admin token. */
export const SignInSchema = z.strictObject({
  token: z.string().trim().min(1, 'enter your admin token').max(256),
});
export type SignIn = z.infer<typeof SignInSchema>;

/** Who is signed in; `csrfToken` goes back in `X-CSRF-Token` on every state-changing request. */
export const SessionInfoSchema = z.object({
  label: z.string(),
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;
