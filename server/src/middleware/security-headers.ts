import { Hono, type MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { REFUSAL_PAGE_STYLE_HASH } from '../auth/refusal-page';
import { withHeaders } from '../http/response-headers';

/**
 * Pages (the dashboard): the CSP allows only the server's own scripts and
 * styles (no inline script), no framing, and no other origins. The one inline
 * style allowed is the company sign-in refusal page's, by its hash.
 */
const forPages = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", REFUSAL_PAGE_STYLE_HASH],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: 'no-referrer',
  xFrameOptions: 'DENY',
  crossOriginResourcePolicy: false,
  crossOriginOpenerPolicy: 'same-origin',
});

/**
 * API answers are data, never a document: a CSP that allows nothing at all,
 * no framing, no sniffing, no referrer. The legacy page headers are left
 * off — every byte counts on the sync answer extensions ask for all day.
 */
const forApi = secureHeaders({
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  referrerPolicy: 'no-referrer',
  xFrameOptions: false,
  crossOriginResourcePolicy: false,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
});

/** What a hono/secure-headers middleware sends: the same on every answer, so worked out once. */
async function headersOf(middleware: MiddlewareHandler): Promise<Record<string, string>> {
  const probe = new Hono().use(middleware).get('/', (c) => c.body(null, 204));
  return Object.fromEntries((await probe.request('/')).headers);
}

/** The two header sets, as plain objects: `api` for `/api/…` and `/health`, `pages` for the rest. */
export const securityHeaderSets: Promise<{ api: Record<string, string>; pages: Record<string, string> }> = Promise.all([
  headersOf(forApi),
  headersOf(forPages),
]).then(([api, pages]) => ({ api, pages }));

const isApi = (path: string) => path.startsWith('/api/') || path === '/health';

/** Security headers on every answer, as one plain object each (see withHeaders). */
export function securityHeaders(): MiddlewareHandler {
  let sets: Awaited<typeof securityHeaderSets> | undefined;
  return async function securityHeaders(c, next) {
    const { api, pages } = (sets ??= await securityHeaderSets);
    return withHeaders(c, isApi(c.req.path) ? api : pages, next);
  };
}
