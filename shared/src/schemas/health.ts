import { z } from 'zod';

/** `GET /health`: 200 when the server can reach its database, 503 when it cannot. */
export const HealthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['ok', 'unreachable']),
});
export type Health = z.infer<typeof HealthSchema>;
