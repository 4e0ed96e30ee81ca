import { createHash } from 'node:crypto';
import type { Queries } from '../storage';
import { getContentVersion } from './get-content-version';
import { loadContentBundle } from './load-content-bundle';

/** The content bundle as the extensions get it: its JSON, and the strong ETag that names it. */
export type RenderedContent = { version: number; updatedAt: string; etag: string; body: string };

/**
 * The last bundle rendered, per storage. It is only ever used for the
 * version the database answers now (getContentVersion), so an instance
 * whose content another instance changed renders the new version at its
 * next request: nothing here decides what is current. A transaction's
 * handle is an object of its own, so what is read inside one is never seen
 * outside it.
 */
const rendered = new WeakMap<Queries, RenderedContent & { configuredTimezone: string }>();

/**
 * The bundle rendered and hashed once per content version: every
 * extension's sync asks for it, and almost always finds the same version.
 * The body (and so the ETag) depends only on what the database holds, so
 * every instance answers the same ETag for a version. Undefined before any
 * content exists.
 */
export async function getRenderedContent(q: Queries, configuredTimezone: string): Promise<RenderedContent | undefined> {
  const meta = await getContentVersion(q);
  if (!meta) return undefined;
  const known = rendered.get(q);
  if (known?.version === meta.version && known.updatedAt === meta.updatedAt && known.configuredTimezone === configuredTimezone) return known;
  // Possibly a newer version than `meta`, if one was committed meanwhile: named by its own.
  const bundle = await loadContentBundle(q, configuredTimezone);
  if (!bundle) return undefined;
  const body = JSON.stringify(bundle);
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
  const content = { version: bundle.version, updatedAt: bundle.generatedAt, etag: `"v${bundle.version}-${hash}"`, body };
  rendered.set(q, { ...content, configuredTimezone });
  return content;
}

/** Whether an If-None-Match header names `etag` (or is `*`). */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header === etag) return true;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}
