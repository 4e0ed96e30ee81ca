import type { Queries } from '../storage';
import { getSettings } from './get-settings';

/** The company's time zone: the one set in the dashboard, else the server's TIMEZONE. */
export async function getCompanyTimezone(q: Queries, configured: string): Promise<string> {
  return (await getSettings(q)).timezone ?? configured;
}
