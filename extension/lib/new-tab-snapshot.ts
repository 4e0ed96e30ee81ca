import type { ContentBundle } from '@customer-chair/shared/schemas/content-bundle';
import type { Profile } from './profile';
import type { CachedValidation } from './storage';

/**
 * What the new tab shows: the content and the settings in force, the own
 * department's validation figures and which teams this browser thanked
 * (both absent from a snapshot an older version wrote).
 */
export type NewTabData = { bundle: ContentBundle; profile: Profile; validation?: CachedValidation | null; thanked?: Record<string, string> };

const KEY = 'customer-chair:new-tab';

/**
 * The last new tab's data, kept in the page's own localStorage because it
 * is the one store a page can read synchronously: the new tab paints from
 * it at once, then checks extension storage (the truth, an IPC round trip
 * away) and repaints only if something changed. Only this extension's pages
 * can read or write it; it holds nothing extension storage doesn't.
 */
export function readSnapshot(): { data: NewTabData; raw: string } | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return undefined;
    const data = JSON.parse(raw) as Partial<NewTabData>;
    if (!Array.isArray(data.bundle?.stories) || typeof data.profile !== 'object' || data.profile === null) return undefined;
    return { data: data as NewTabData, raw };
  } catch {
    // Unreadable or unavailable: paint from extension storage, as without a snapshot.
    return undefined;
  }
}

/** Keeps `data` for the next new tab; answers false when it was the snapshot already. */
export function writeSnapshot(data: NewTabData, previousRaw: string | undefined): boolean {
  const raw = JSON.stringify(data);
  if (raw === previousRaw) return false;
  try {
    localStorage.setItem(KEY, raw);
  } catch {
    // Full or unavailable: the next new tab reads extension storage instead.
  }
  return true;
}
