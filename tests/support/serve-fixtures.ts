import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';

const FIXTURES = fileURLToPath(new URL('../extension/fixtures/', import.meta.url));

/** Which saved page answers a URL of a meeting site; every other page of those sites is not a meeting. */
function fixtureFor(url: URL): string {
  if (url.hostname === 'meet.google.com') return /^\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/.test(url.pathname) ? 'meet' : 'not-a-meeting';
  if (url.hostname.endsWith('zoom.us')) return /^\/wc\/\d+\/(join|start)/.test(url.pathname) ? 'zoom' : 'not-a-meeting';
  if (url.hostname === 'teams.microsoft.com') return url.pathname === '/v2/' ? 'teams' : 'not-a-meeting';
  if (url.hostname === 'calendar.google.com') return url.pathname.startsWith('/calendar/') ? 'calendar' : 'not-a-meeting';
  if (url.hostname.startsWith('outlook.')) return url.pathname.startsWith('/calendar/') ? 'outlook' : 'not-a-meeting';
  return 'notes';
}

/**
 * Answers the meeting sites (which cannot be reached from here) with their
 * saved pages, and `http://localhost:<port>/notes` with a plain page with a
 * textarea; the scripts the pages load come from the same folder.
 * Content scripts run on these pages as on the real sites.
 */
export async function serveFixtures(context: BrowserContext): Promise<void> {
  const hosts = /^https:\/\/(meet\.google\.com|([a-z0-9-]+\.)?zoom\.us|teams\.microsoft\.com|calendar\.google\.com|outlook\.(office|live|office365)\.com)\/|^http:\/\/localhost:\d+\/notes(\?.*)?$/;
  await context.route(hosts, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.endsWith('.js')) {
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(`${FIXTURES}${url.pathname.split('/').pop()}`) });
    }
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(`${FIXTURES}${fixtureFor(url)}.html`) });
  });
}
