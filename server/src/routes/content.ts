import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import { apiError } from '../http/api-error';
import { CONTENT_PATH, contentCacheHeaders } from '../http/content-cache-headers';
import { requestHeader } from '../http/request-header';
import { completeResponse } from '../http/response-headers';
import { announceWhenDue } from '../recognition/announce-when-due';
import { getRenderedContent, ifNoneMatchHits } from '../storage/queries/get-rendered-content';

export { CONTENT_PATH };

/**
 * `GET /api/v1/content`: the bundle, rendered and hashed once per content
 * version; a request whose If-None-Match matches gets 304 without a body.
 * (On a real server most of those 304s are sent before the app is reached:
 * see http/unchanged-content.ts.)
 */
export function contentRoutes(deps: AppDeps) {
  const { storage, config } = deps;
  return new Hono().get('/', async (c) => {
    // On the announcement day the winners' stories are made before the bundle is read (a check in memory otherwise).
    await announceWhenDue(deps);
    const content = await getRenderedContent(storage, config.timezone);
    if (!content) return apiError(c, 404, 'not_found', 'No content has been published yet.');
    const headers = contentCacheHeaders(content.etag);
    if (ifNoneMatchHits(requestHeader(c, 'if-none-match'), content.etag)) return completeResponse(c, null, 304, headers);
    return completeResponse(c, content.body, 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
  });
}
