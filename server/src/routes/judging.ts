import { Hono } from 'hono';
import type { AdminVariables } from '../middleware/require-admin';
import type { AppDeps } from '../deps';
import { judgingEntryRoutes } from './judging/entries';
import { judgingResultRoutes } from './judging/results';
import { judgingRoundRoutes } from './judging/rounds';

/** A round's entry and winner counts per department: for admins and viewers (as adoption is), not for judges. */
export function isRoundStatsPath(path: string): boolean {
  return /^\/api\/v1\/judging\/rounds\/[^/]+\/stats$/.test(path);
}

/**
 * `/api/v1/judging`: the panel's work on recognition rounds. The app puts
 * requireAdmin in front (a token or a dashboard session) and the roles:
 * judges and admins (the chair) everywhere but the stats, which admins and
 * viewers read (isRoundStatsPath). Marking winners and publishing are the
 * chair's alone (requireRole('admin') on those routes).
 *
 * - `GET /rounds`, `GET /rounds/:roundId/entries`, `GET /rounds/:roundId/summary`,
 *   `GET /rounds/:roundId/stats` (judging/rounds.ts);
 * - `GET /entries/:entryId`, `PUT /entries/:entryId/scorecard` (judging/entries.ts);
 * - `PUT /rounds/:roundId/winners`, `POST /rounds/:roundId/publish` (judging/results.ts).
 */
export function judgingRoutes(deps: AppDeps) {
  return new Hono<{ Variables: AdminVariables }>()
    .route('/', judgingRoundRoutes(deps))
    .route('/', judgingEntryRoutes(deps))
    .route('/', judgingResultRoutes(deps));
}
