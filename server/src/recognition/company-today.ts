import { localDay } from '@customer-chair/shared/domain/local-day';
import type { AppDeps } from '../deps';
import { getCompanyTimezone } from '../storage/queries/get-company-timezone';
import type { Queries } from '../storage/storage';

/** The company-local day now: what a round's phase is read on. */
export function companyToday({ clock, config }: Pick<AppDeps, 'clock' | 'config'>) {
  return async (q: Queries): Promise<string> => localDay(clock.now(), await getCompanyTimezone(q, config.timezone));
}
