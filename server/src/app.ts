import { Hono, type MiddlewareHandler } from 'hono';
import type { AppDeps } from './deps';
import { LIMITS } from '@customer-chair/shared/schemas/limits';
import { credentialThrottle } from './auth/credential-throttle';
import { apiError } from './http/api-error';
import { extensionCors } from './middleware/extension-cors';
import { limitBody } from './middleware/limit-body';
import { noStore } from './middleware/no-store';
import { requestLog } from './middleware/request-log';
import { requireAdmin } from './middleware/require-admin';
import { requireEnrollmentKey } from './middleware/require-enrollment-key';
import { requireRole } from './middleware/require-role';
import { requireSession } from './middleware/require-session';
import { securityHeaders } from './middleware/security-headers';
import { adminAuditRoutes } from './routes/admin/audit';
import { adminDepartmentRoutes } from './routes/admin/departments';
import { adminExportRoutes } from './routes/admin/export';
import { adminImportRoutes } from './routes/admin/import';
import { adminLimitRoutes } from './routes/admin/limits';
import { adminPeopleRoutes } from './routes/admin/people';
import { adminPromptRoutes } from './routes/admin/prompts';
import { adminRecognitionRoundRoutes } from './routes/admin/recognition-rounds';
import { adminRoleRoutes } from './routes/admin/roles';
import { adminScheduleRoutes } from './routes/admin/schedule';
import { adminSettingsRoutes } from './routes/admin/settings';
import { adminStoryRoutes } from './routes/admin/stories';
import { adminTokenRoutes } from './routes/admin/tokens';
import { adminVoiceRoutes } from './routes/admin/voice';
import { CONTENT_PATH, contentRoutes } from './routes/content';
import { dashboardAppRoutes } from './routes/dashboard-app';
import { dashboardRoutes } from './routes/dashboard';
import { eventRoutes } from './routes/events';
import { healthRoutes } from './routes/health';
import { oidcRoutes } from './routes/oidc';
import { isRoundStatsPath, judgingRoutes } from './routes/judging';
import { RECOGNITION_PATHS, recognitionRoutes } from './routes/recognition';
import { recognitionFeedRoutes } from './routes/recognition-feed';
import { recognitionPosterRoutes } from './routes/recognition-posters';
import { sessionRoutes } from './routes/session';
import { statsRoutes } from './routes/stats';
import { VALIDATION_PATH, validationRoutes } from './routes/validation';
import { VOICE_PATHS, voiceRoutes } from './routes/voice';


/** The whole HTTP API; no I/O of its own beyond the database it is given. */
export function createApp(deps: AppDeps) {
  // One throttle for every credential this app is shown: guesses cannot be spread over sign-in, tokens and keys.
  const throttle = credentialThrottle({ storage: deps.storage, clock: deps.clock });
  const enrolled = requireEnrollmentKey(deps.config.enrollmentKey, throttle);
  const admin = requireAdmin(deps.storage, deps.clock, throttle);
  // What each role may reach (README "Admin tokens"); a credential of another role gets 403, never 401.
  const adminsOnly = requireRole('admin');
  const readsAdoption = requireRole('admin', 'viewer');
  const judges = requireRole('admin', 'judge');
  const app = new Hono();

  if (deps.logRequest) app.use('*', requestLog(deps.logRequest, deps.clock));
  app.use('*', securityHeaders());

  const cors = extensionCors(deps.config.extensionIds);
  app.use(CONTENT_PATH, cors);
  app.use('/api/v1/events', cors);
  app.use(CONTENT_PATH, enrolled);
  app.use('/api/v1/events', enrolled);
  // Recognition entries come from the extension too: its CORS and the enrollment key, never cached.
  for (const path of RECOGNITION_PATHS) app.use(path, cors, enrolled, noStore());
  // The validation line: the extensions' CORS and the enrollment key, as content (the route's own private, no-cache and ETag).
  app.use(VALIDATION_PATH, cors, enrolled);
  // The employees' voice form likewise (a message's status is the sender's alone).
  for (const path of VOICE_PATHS) app.use(path, cors, enrolled, noStore());
  // The recognition feed and posters: the enrollment key in the header or in the address (feed readers and lobby
  // screens cannot send headers), wrong keys counted by the same throttle; open like content without a key.
  const enrolledByAddress = requireEnrollmentKey(deps.config.enrollmentKey, throttle, { inQuery: 'key' });
  app.use('/api/v1/recognition/feed.atom', enrolledByAddress);
  app.use('/recognition/posters/*', enrolledByAddress);

  app.route('/health', healthRoutes(deps.storage));
  app.route(CONTENT_PATH, contentRoutes(deps));
  app.route('/api/v1/events', eventRoutes(deps));
  app.route(VALIDATION_PATH, validationRoutes(deps));
  app.route('/api/v1/recognition', recognitionRoutes(deps));
  app.route('/api/v1/voice', voiceRoutes(deps));
  app.route('/api/v1/recognition', recognitionFeedRoutes(deps));
  app.route('/recognition', recognitionPosterRoutes(deps));
  // Signed-in answers are never kept by a cache.
  for (const path of ['/api/v1/session', '/api/v1/session/options', '/api/v1/dashboard/*', '/api/v1/admin/*', '/api/v1/judging/*', '/api/v1/stats', '/api/v1/stats.csv']) app.use(path, noStore());
  // Every credential is checked here, under the throttle, as for the admin routes below; adoption is for admins and viewers.
  app.use('/api/v1/stats', admin, readsAdoption);
  app.use('/api/v1/stats.csv', admin, readsAdoption);
  app.use('/api/v1/dashboard/*', requireSession(deps.storage, deps.clock, throttle), readsAdoption);
  app.route('/api/v1', statsRoutes(deps));
  app.route('/api/v1/session', sessionRoutes(deps, throttle));
  // Company sign-in: the browser's round trip through the identity provider; its pages and redirects are never cached.
  app.use('/auth/oidc/*', noStore());
  app.route('/auth/oidc', oidcRoutes(deps));
  app.route('/api/v1/dashboard', dashboardRoutes(deps));

  // Content management: an admin token, or a dashboard session (with its CSRF token to change anything); admins only.
  app.use('/api/v1/admin/*', admin, adminsOnly);
  const adminBody = limitBody(LIMITS.adminBodyBytes, 'content items are small; check what is being sent.');
  // The import has its own, larger limit.
  app.on(['POST', 'PUT', 'DELETE'], '/api/v1/admin/*', async (c, next) => (c.req.path === '/api/v1/admin/import' ? next() : adminBody(c, next)));
  // Judging (recognition rounds): judges and admins, by token or session; routes only the chair may use check requireRole('admin') themselves.
  // A round's entry counts per department are read like adoption: admins and viewers.
  const judgingRoles: MiddlewareHandler = (c, next) => (isRoundStatsPath(c.req.path) ? readsAdoption(c, next) : judges(c, next));
  app.use('/api/v1/judging/*', admin, judgingRoles);
  app.on(['POST', 'PUT', 'DELETE'], '/api/v1/judging/*', adminBody);
  app.route('/api/v1/admin/stories', adminStoryRoutes(deps));
  app.route('/api/v1/admin/schedule', adminScheduleRoutes(deps));
  app.route('/api/v1/admin/prompts', adminPromptRoutes(deps));
  app.route('/api/v1/admin/roles', adminRoleRoutes(deps));
  app.route('/api/v1/admin/departments', adminDepartmentRoutes(deps));
  app.route('/api/v1/admin/settings', adminSettingsRoutes(deps));
  app.route('/api/v1/admin/import', adminImportRoutes(deps));
  app.route('/api/v1/admin/export', adminExportRoutes(deps));
  app.route('/api/v1/admin/audit', adminAuditRoutes(deps));
  app.route('/api/v1/admin/tokens', adminTokenRoutes(deps));
  app.route('/api/v1/admin/people', adminPeopleRoutes(deps));
  app.route('/api/v1/admin/limits', adminLimitRoutes());
  app.route('/api/v1/admin/recognition/rounds', adminRecognitionRoundRoutes(deps));
  app.route('/api/v1/admin/voice', adminVoiceRoutes(deps));
  app.route('/api/v1/judging', judgingRoutes(deps));
  app.route('/', dashboardAppRoutes(deps.config.dashboardDir));

  app.notFound((c) => {
    const allowed = [...new Set(app.routes.filter((r) => r.method !== 'ALL' && !r.path.endsWith('*') && routePattern(r.path).test(c.req.path)).map((r) => r.method))];
    // A handler that answered "not found" for a method it serves means the thing itself is missing.
    if (allowed.length && !allowed.includes(c.req.method)) {
      c.header('Allow', allowed.join(', '));
      return apiError(c, 405, 'method_not_allowed', `${c.req.method} is not allowed here; use ${allowed.join(' or ')}.`);
    }
    return apiError(c, 404, 'not_found', `Nothing at ${c.req.method} ${c.req.path}.`);
  });
  app.onError((error, c) => {
    // The client hung up before its body arrived: nothing was read, so nothing was done; not a server fault.
    if ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || error.message === 'aborted') {
      return apiError(c, 400, 'invalid_request', 'The request body was cut off before it ended; nothing was stored.');
    }
    console.error('unhandled error', { method: c.req.method, path: c.req.path, error });
    return apiError(c, 500, 'internal', 'Something went wrong on the server; nothing was changed.');
  });
  return app;
}

/** A route path ("/api/v1/admin/stories/:id") as a pattern matching the paths it serves. */
function routePattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}
