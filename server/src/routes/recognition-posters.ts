import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import { apiError } from '../http/api-error';
import { announceWhenDue } from '../recognition/announce-when-due';
import { companyToday } from '../recognition/company-today';
import { POSTER_CSS } from '../recognition/poster-css';
import { posterPage } from '../recognition/poster-page';
import { listRecognizedStories } from '../storage/queries/list-recognized-stories';

/**
 * `/recognition`: a winner's printable poster at `GET /posters/:storyId`
 * (the app puts the enrollment key in front, header or `?key=`), and its
 * stylesheet at `GET /poster.css` (open: it says nothing of anyone).
 * A story that is not a recognized one announced by today is not found.
 */
export function recognitionPosterRoutes({ storage, clock, config }: AppDeps) {
  const today = companyToday({ clock, config });
  return new Hono()
    .get('/poster.css', (c) => {
      c.header('Content-Type', 'text/css; charset=utf-8');
      c.header('Cache-Control', 'public, max-age=3600');
      return c.body(POSTER_CSS);
    })
    .get('/posters/:storyId', async (c) => {
      const id = c.req.param('storyId');
      await announceWhenDue({ storage, clock, config });
      const [story] = await listRecognizedStories(storage, { today: await today(storage), id, limit: 1 });
      if (!story) return apiError(c, 404, 'not_found', `There is no announced recognized story "${id}".`);
      c.header('Cache-Control', 'private, no-cache');
      return c.html(posterPage(story));
    });
}
