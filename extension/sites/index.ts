import { calendar } from './calendar';
import { meet } from './meet';
import { outlook } from './outlook';
import type { SiteAdapter } from './site-adapter';
import { teams } from './teams';
import { zoom } from './zoom';

/** Every meeting site the customer chair card supports. */
export const SITES: SiteAdapter[] = [meet, zoom, teams, calendar, outlook];
