import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { AppDeps } from '../app';
import { apiError } from '../http/api-error';
import { requestHeader } from '../http/request-header';
import { completeResponse } from '../http/response-headers';
import { getContentVersion } from '../queries/get-content-version';
import { loadContentBundle } from '../queries/load-content-bundle';
import { getCompanyTimezone } from '../queries/get-company-timezone';

type Rendered = { version: number; updatedAt: string; etag: string; body: string };

/**
 * `GET /api/v1/content`: the bundle, rendered and hashed once per content
 * version; a request whose If-None-Match matches gets 304 without a body.
 */
export function contentRoutes({ db, config }: AppDeps) {
  let rendered: Rendered | undefined;

  function current(): Rendered | undefined {
    const meta = getContentVersion(db);
    if (!meta) return undefined;
    if (rendered?.version !== meta.version || rendered.updatedAt !== meta.updatedAt) {
      const bundle = loadContentBundle(db, getCompanyTimezone(db, config.timezone))!;
      const body = JSON.stringify(bundle);
      const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
      rendered = { version: meta.version, updatedAt: meta.updatedAt, etag: `"v${meta.version}-${hash}"`, body };
    }
    return rendered;
  }

  return new Hono().get('/', (c) => {
    const content = current();
    if (!content) return apiError(c, 404, 'not_found', 'No content has been published yet.');
    // Extensions may keep it, but must ask again (cheaply, with If-None-Match) before trusting it.
    const headers = { ETag: content.etag, 'Cache-Control': 'no-cache' };
    // Most syncs find nothing new: that answer is the server's most frequent, so it is written whole, at once.
    if (ifNoneMatchHits(requestHeader(c, 'if-none-match'), content.etag)) return completeResponse(c, null, 304, headers);
    return completeResponse(c, content.body, 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
  });
}

function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}
