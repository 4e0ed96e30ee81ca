import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { buildEditorFixtures } from './build-editor-fixtures';

const SAVED_PAGES = fileURLToPath(new URL('../extension/fixtures/', import.meta.url));
/** The meeting pages rebuilt around the sites' real editors (CKEditor 5, TipTap, RoosterJS…). */
const EDITOR_PAGES = fileURLToPath(new URL('../e2e/fixtures/', import.meta.url));

/** The meeting sites' hosts, which cannot be reached from here. */
const MEETING_HOST = /^(meet\.google\.com|([a-z0-9-]+\.)?zoom\.us|teams\.microsoft\.com|teams\.cloud\.microsoft|calendar\.google\.com|outlook\.(office|live|office365)\.com|outlook\.cloud\.microsoft)$/;

/**
 * Which page answers a URL of a meeting site (a name in tests/e2e/fixtures/, else in
 * tests/extension/fixtures/); every other page of those sites is not a meeting.
 */
export function meetingPageFor(url: URL): string {
  if (url.hostname === 'meet.google.com' && url.pathname === '/ref-usin-ged') return 'refusing';
  if (url.hostname === 'meet.google.com') return /^\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/.test(url.pathname) ? 'meet' : 'not-a-meeting';
  if (url.hostname.endsWith('zoom.us')) return /^\/wc\/\d+\/(join|start)/.test(url.pathname) ? 'zoom' : 'not-a-meeting';
  if (url.hostname.startsWith('teams.')) return url.pathname === '/v2/' ? 'teams' : 'not-a-meeting';
  if (url.hostname === 'calendar.google.com') return url.pathname.startsWith('/calendar/') ? 'calendar' : 'not-a-meeting';
  if (url.hostname.startsWith('outlook.')) return url.pathname.startsWith('/calendar/') ? 'outlook' : 'not-a-meeting';
  return 'not-a-meeting';
}

/** The answer for one request to a meeting host: the editors' bundles, saved scripts, or the page. */
function answer(url: URL, bundles: string): { contentType: string; body: string | Buffer; status?: number } {
  const file = url.pathname.split('/').pop()!;
  if (url.pathname.startsWith('/__editors__/') && existsSync(`${bundles}${file}`)) {
    return { contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript', body: readFileSync(`${bundles}${file}`) };
  }
  if (url.pathname.endsWith('.js') && existsSync(`${SAVED_PAGES}${file}`)) return { contentType: 'text/javascript', body: readFileSync(`${SAVED_PAGES}${file}`) };
  if (/\.(js|css|ico|png|svg)$/.test(url.pathname)) return { status: 404, contentType: 'text/plain', body: '' };
  const name = meetingPageFor(url);
  const page = existsSync(`${EDITOR_PAGES}${name}.html`) ? `${EDITOR_PAGES}${name}.html` : `${SAVED_PAGES}${name}.html`;
  return { contentType: 'text/html; charset=utf-8', body: readFileSync(page) };
}

/**
 * For a puppeteer page in Firefox (request interception works over BiDi):
 * answers the meeting sites with the pages built around their real editors,
 * bundled by buildEditorFixtures and served from /__editors__/. Other
 * requests go through.
 */
export async function serveMeetingPages(page: Page): Promise<void> {
  const bundles = buildEditorFixtures();
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = new URL(request.url());
    if (!url.protocol.startsWith('http') || !MEETING_HOST.test(url.hostname)) return void request.continue().catch(() => undefined);
    const { status = 200, contentType, body } = answer(url, bundles);
    void request.respond({ status, contentType, body }).catch(() => undefined);
  });
}
