import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { getCompanyTimezone } from './get-company-timezone';
import { getContentVersion } from './get-content-version';
import { loadContentBundle } from './load-content-bundle';

/** The content bundle as the extensions get it: its JSON, and the strong ETag that names it. */
export type RenderedContent = { version: number; updatedAt: string; etag: string; body: string };

const rendered = new WeakMap<Database, RenderedContent & { configuredTimezone: string }>();

/**
 * The bundle rendered and hashed once per content version (and remembered
 * per database): every extension's sync asks for it, and almost always
 * finds the same version. Undefined before any content exists.
 */
export function getRenderedContent(db: Database, configuredTimezone: string): RenderedContent | undefined {
  const meta = getContentVersion(db);
  if (!meta) return undefined;
  const known = rendered.get(db);
  if (known?.version === meta.version && known.updatedAt === meta.updatedAt && known.configuredTimezone === configuredTimezone) return known;
  const body = JSON.stringify(loadContentBundle(db, getCompanyTimezone(db, configuredTimezone)));
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
  const content = { version: meta.version, updatedAt: meta.updatedAt, etag: `"v${meta.version}-${hash}"`, body };
  if (!db.inTransaction) rendered.set(db, { ...content, configuredTimezone });
  return content;
}

/** Whether an If-None-Match header names `etag` (or is `*`). */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header === etag) return true;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}
