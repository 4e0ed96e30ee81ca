import type { Database } from 'better-sqlite3';
import { Hono } from 'hono';
import type { Clock } from './clock';
import type { Config } from './config';
import { apiError } from './http/api-error';
import { extensionCors } from './middleware/extension-cors';
import { requireEnrollmentKey } from './middleware/require-enrollment-key';
import { securityHeaders } from './middleware/security-headers';
import { contentRoutes } from './routes/content';
import { dashboardAppRoutes } from './routes/dashboard-app';
import { dashboardRoutes } from './routes/dashboard';
import { eventRoutes } from './routes/events';
import { healthRoutes } from './routes/health';
import { sessionRoutes } from './routes/session';
import { statsRoutes } from './routes/stats';

export type AppDeps = { db: Database; clock: Clock; config: Config };

/** The whole HTTP API; no I/O of its own beyond the database it is given. */
export function createApp(deps: AppDeps) {
  const enrolled = requireEnrollmentKey(deps.config.enrollmentKey);
  const app = new Hono();

  app.use('*', securityHeaders());

  app.use('/api/v1/content', extensionCors());
  app.use('/api/v1/events', extensionCors());
  app.use('/api/v1/content', enrolled);
  app.use('/api/v1/events', enrolled);

  app.route('/health', healthRoutes());
  app.route('/api/v1/content', contentRoutes(deps));
  app.route('/api/v1/events', eventRoutes(deps));
  app.route('/api/v1', statsRoutes(deps));
  app.route('/api/v1/session', sessionRoutes(deps));
  app.route('/api/v1/dashboard', dashboardRoutes(deps));
  app.route('/', dashboardAppRoutes(deps.config.dashboardDir));

  app.notFound((c) => {
    const allowed = [...new Set(app.routes.filter((r) => r.path === c.req.path && r.method !== 'ALL').map((r) => r.method))];
    if (allowed.length) {
      c.header('Allow', allowed.join(', '));
      return apiError(c, 405, 'method_not_allowed', `${c.req.method} is not allowed here; use ${allowed.join(' or ')}.`);
    }
    return apiError(c, 404, 'not_found', `Nothing at ${c.req.method} ${c.req.path}.`);
  });
  app.onError((error, c) => {
    console.error('unhandled error', { method: c.req.method, path: c.req.path, error });
    return apiError(c, 500, 'internal', 'Something went wrong on the server; nothing was changed.');
  });
  return app;
}
