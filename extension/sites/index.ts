import { MatchPattern } from 'wxt/utils/match-patterns';
import { calendar } from './calendar';
import { meet } from './meet';
import { outlook } from './outlook';
import type { SiteAdapter } from './site-adapter';
import { teams } from './teams';
import { zoom } from './zoom';

/** Every meeting site the customer chair card supports. */
export const SITES: SiteAdapter[] = [meet, zoom, teams, calendar, outlook];

/** The meeting site a page belongs to, by the adapters' match patterns. */
export function siteFor(url: string): SiteAdapter | undefined {
  return SITES.find((site) => site.matches.some((pattern) => new MatchPattern(pattern).includes(url)));
}
