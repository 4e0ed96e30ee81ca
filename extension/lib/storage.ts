import type { ContentBundle } from '@customer-chair/shared/schemas/content-bundle';
import type { UsageEvent } from '@customer-chair/shared/schemas/usage-event';
import type { ValidationFigures } from '@customer-chair/shared/schemas/validation';
import { storage } from 'wxt/utils/storage';

/** The default server: a local demo server (`pnpm start`). Companies set theirs by policy. */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

/** What the employee chose on this browser (managed values win over these; see profile.ts). */
export type UserSettings = {
  serverUrl: string;
  enrollmentKey: string;
  department?: string;
  role?: string;
  usageStatistics: boolean;
};

/** What IT set through browser policy (storage.managed); any key may be missing. */
export type ManagedSettings = Partial<{
  serverUrl: string;
  enrollmentKey: string;
  department: string;
  role: string;
  lockProfile: boolean;
  disableUsageStatistics: boolean;
}>;

export type CachedBundle = { bundle: ContentBundle; etag?: string; source: 'demo' | 'server' };

export type SyncStatus = {
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  result?: 'updated' | 'unchanged' | 'error';
  error?: string;
};

export type QueueStatus = {
  /** Events dropped because the queue was full (oldest first). */
  dropped: number;
  /** Events the server refused as invalid (4xx): they can never be delivered. */
  rejected: number;
  lastRejection?: string;
  lastFlushAt?: string;
  lastError?: string;
  /** When the next retry is due after a failure (exponential back-off). */
  retryAt?: string;
  /** The wait until retryAt is the server's (Retry-After), so even a browser restart honours it. */
  serverAskedToWait?: boolean;
  failures: number;
};

// All storage is declared here, once.
export const cachedBundle = storage.defineItem<CachedBundle | null>('local:bundle', { fallback: null });
export const userSettings = storage.defineItem<UserSettings>('local:settings', {
  fallback: { serverUrl: DEFAULT_SERVER_URL, enrollmentKey: '', usageStatistics: true },
  version: 1,
});
export const installId = storage.defineItem<string | null>('local:installId', { fallback: null });
export const eventQueue = storage.defineItem<UsageEvent[]>('local:queue', { fallback: [] });
export const queueStatus = storage.defineItem<QueueStatus>('local:queueStatus', {
  fallback: { dropped: 0, rejected: 0, failures: 0 },
});
/**
 * A copy of storage.managed, written by the background: Chromium's first
 * managed read on a fresh profile takes seconds, a local read does not.
 */
export const managedMirror = storage.defineItem<ManagedSettings>('local:managedMirror', { fallback: {}, version: 1 });
export const syncStatus = storage.defineItem<SyncStatus>('local:syncStatus', { fallback: {} });
/** storyId → the local day it was last counted as viewed, so a view counts once per day. */
export const viewedStories = storage.defineItem<Record<string, string>>('local:viewedStories', { fallback: {} });
/** Meeting sites (adapter ids) where the employee collapsed the customer chair card. */
export const collapsedCards = storage.defineItem<Record<string, true>>('local:collapsedCards', { fallback: {} });

/** What happened in one meeting, under a hash of its key: never a URL or a title. */
export type MeetingMark = { day: string; promptShown?: true; dismissed?: true };
/** Today's meetings, for "once per meeting" and "hidden for this meeting". */
export const meetingMarks = storage.defineItem<Record<string, MeetingMark>>('local:meetingMarks', { fallback: {} });

/** The own department's validation figures, as last fetched after a content sync (a failed fetch keeps them). */
export type CachedValidation = { department: string; figures: ValidationFigures; etag?: string; fetchedAt: string };
export const validation = storage.defineItem<CachedValidation | null>('local:validation', { fallback: null });
/** `${storyId}:${department}` → when this browser thanked that credited department for that story: once each, on every surface. */
export const thanked = storage.defineItem<Record<string, string>>('local:thanked', { fallback: {} });
