import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import { enrollmentKeyCheck } from '../middleware/require-enrollment-key';
import { announceWhenDue } from '../recognition/announce-when-due';
import { companyToday } from '../recognition/company-today';
import { recognitionFeed } from '../recognition/recognition-feed';
import { listRecognizedStories } from '../storage/queries/list-recognized-stories';

/** The feed's newest entries: a feed is a window, not an archive (the posters stay). */
const FEED_ENTRIES = 50;

/**
 * `GET /api/v1/recognition/feed.atom`: the Atom feed of recognized stories,
 * for intranets, newsletters and chat tools. The app puts the enrollment key
 * in front (header or `?key=`, since feed readers cannot send headers).
 */
export function recognitionFeedRoutes({ storage, clock, config }: AppDeps) {
  const today = companyToday({ clock, config });
  const isKey = enrollmentKeyCheck(config.enrollmentKey);
  return new Hono().get('/feed.atom', async (c) => {
    // Winners due today are made first (a check in memory otherwise): a reader polling at midnight need not wait for the timer.
    await announceWhenDue({ storage, clock, config });
    const stories = await listRecognizedStories(storage, { today: await today(storage), limit: FEED_ENTRIES });
    // A reader who subscribed with the key in the address gets it in the posters' links too, so they open from
    // the reader; only the right key is repeated, and none when the server needs none.
    const queried = c.req.query('key');
    const key = config.enrollmentKey !== undefined && queried && isKey(`Bearer ${queried}`) ? queried : undefined;
    const xml = recognitionFeed(stories, { origin: new URL(c.req.url).origin, key, now: clock.now() });
    c.header('Content-Type', 'application/atom+xml; charset=utf-8');
    // Readers poll; each poll asks again (a new winner shows on its announcement day), and no shared cache keeps it.
    c.header('Cache-Control', 'private, no-cache');
    return c.body(xml);
  });
}
