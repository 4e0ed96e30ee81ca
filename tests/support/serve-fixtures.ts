import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { buildEditorFixtures } from './build-editor-fixtures';

const FIXTURES = fileURLToPath(new URL('../extension/fixtures/', import.meta.url));
/** The meeting pages with their real editors (CKEditor 5, TipTap, RoosterJS…), and the local editor pages. */
const EDITOR_PAGES = fileURLToPath(new URL('../e2e/fixtures/', import.meta.url));

/**
 * Which saved page answers a URL of a meeting site; every other page of those sites is not a meeting.
 * `?hl=<lang>` (Google's UI-language parameter, used here on every site) picks `<page>-<lang>.html` where one exists.
 */
function fixtureFor(url: URL): string {
  // One Meet meeting has an editor that takes nothing, for the card's copy fallback.
  if (url.hostname === 'meet.google.com' && url.pathname === '/ref-usin-ged') return 'refusing';
  // A meeting code, or an instant meeting (/_meet/<code>).
  if (url.hostname === 'meet.google.com') return /^\/(_meet\/)?[a-z]{3}-[a-z]{4}-[a-z]{3}$/.test(url.pathname) ? 'meet' : 'not-a-meeting';
  if (url.hostname.endsWith('zoom.us')) {
    // /wc/<id>/join is the web client's shell, whose iframe#webclient loads the meeting (…/join?frame=1);
    // /wc/<id>/start is the meeting UI on the page itself.
    if (/^\/wc\/\d+\/join$/.test(url.pathname)) return url.searchParams.has('frame') ? 'zoom' : 'zoom-webclient';
    return /^\/wc\/\d+\/start$/.test(url.pathname) ? 'zoom' : 'not-a-meeting';
  }
  // The in-call screen is /v2/ for every call, also when a join link in the hash brought the tab there.
  if (url.hostname === 'teams.microsoft.com' || url.hostname === 'teams.cloud.microsoft') return url.pathname === '/v2/' ? 'teams' : 'not-a-meeting';
  if (url.hostname === 'calendar.google.com') return url.pathname.startsWith('/calendar/') ? 'calendar' : 'not-a-meeting';
  if (url.hostname.startsWith('outlook.')) return url.pathname.startsWith('/calendar/') ? 'outlook' : 'not-a-meeting';
  if (url.pathname === '/editors' || url.pathname === '/refusing') return url.pathname.slice(1);
  return 'notes';
}

/**
 * Answers the meeting sites (which cannot be reached from here) with their
 * pages rebuilt around the real editors, and `http://localhost:<port>/notes`
 * (a textarea), `/editors` (CKEditor 5 and TipTap) and `/refusing` (an
 * editor that takes nothing) with local pages. The editors are bundled by
 * buildEditorFixtures and served from /__editors__/. Content scripts run on
 * these pages as on the real sites.
 */
export async function serveFixtures(context: BrowserContext): Promise<void> {
  const bundles = buildEditorFixtures();
  const hosts = /^https:\/\/(meet\.google\.com|([a-z0-9-]+\.)?zoom\.us|teams\.microsoft\.com|teams\.cloud\.microsoft|calendar\.google\.com|outlook\.(office|live|office365)\.com|outlook\.cloud\.microsoft)\/|^http:\/\/localhost:\d+\/(notes|editors|refusing|__editors__\/[a-z-]+\.(js|css))(\?.*)?$/;
  await context.route(hosts, async (route) => {
    const url = new URL(route.request().url());
    const file = url.pathname.split('/').pop()!;
    if (url.pathname.startsWith('/__editors__/')) {
      return route.fulfill({ contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript', body: readFileSync(`${bundles}${file}`) });
    }
    if (url.pathname.endsWith('.js')) return route.fulfill({ contentType: 'text/javascript', body: readFileSync(`${FIXTURES}${file}`) });
    const page = fixtureFor(url);
    const language = url.searchParams.get('hl');
    const name = language && existsSync(`${EDITOR_PAGES}${page}-${language}.html`) ? `${page}-${language}` : page;
    const html = existsSync(`${EDITOR_PAGES}${name}.html`) ? `${EDITOR_PAGES}${name}.html` : `${FIXTURES}${name}.html`;
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(html) });
  });
}
