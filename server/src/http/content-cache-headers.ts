/** Where extensions get the content bundle (the app's route, and the unchanged-sync shortcut in front of it). */
export const CONTENT_PATH = '/api/v1/content';

/** Extensions may keep the bundle, but must ask again (cheaply, with If-None-Match) before trusting it. */
export const contentCacheHeaders = (etag: string) => ({ ETag: etag, 'Cache-Control': 'no-cache' });
