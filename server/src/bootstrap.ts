import { demoContent } from '@customer-chair/shared/demo/demo-content';
import { localDay } from '@customer-chair/shared/domain/local-day';
import { generateAdminToken, hashToken } from './auth/tokens';
import type { Clock } from './clock';
import type { Config } from './config';
import { seedDemoRound } from './recognition/seed-demo-round';
import { countAdminTokens } from './storage/queries/count-admin-tokens';
import { getCompanyTimezone } from './storage/queries/get-company-timezone';
import { getContentVersion } from './storage/queries/get-content-version';
import { insertAdminToken } from './storage/queries/insert-admin-token';
import { replaceContent } from './storage/queries/replace-content';
import type { Storage } from './storage/storage';

export type BootstrapResult = {
  /** True when this start seeded the demo content into an empty database. */
  seededDemoContent: boolean;
  /** A token made on this start; it exists nowhere else, so show it once. */
  generatedAdminToken?: string;
};

/**
 * Makes a database ready to serve: demo content (and the demo recognition
 * round) on first start, and an admin token (the configured one, or a new
 * one when there is none at all).
 * Several instances may start together on one empty database: each step
 * checks and writes under a lock, so the demo is seeded once and at most
 * one token is made.
 */
export async function bootstrap(storage: Storage, config: Config, clock: Clock): Promise<BootstrapResult> {
  const now = clock.now();
  const result: BootstrapResult = { seededDemoContent: false };
  result.seededDemoContent = await storage.transaction(async (tx) => {
    if (await getContentVersion(tx)) return false;
    await replaceContent(tx, demoContent, now);
    // The demo's recognition round is open on the day of seeding, whenever that is.
    await seedDemoRound(tx, localDay(now, await getCompanyTimezone(tx, config.timezone)));
    return true;
  }, { lock: 'content' });
  if (config.adminToken !== undefined) {
    await insertAdminToken(storage, 'ADMIN_TOKEN (environment)', hashToken(config.adminToken), now);
    return result;
  }
  const token = generateAdminToken();
  const generated = await storage.transaction(async (tx) => {
    if ((await countAdminTokens(tx)) !== 0) return false;
    await insertAdminToken(tx, 'first start', hashToken(token), now);
    return true;
  }, { lock: 'admin-tokens' });
  if (generated) result.generatedAdminToken = token;
  return result;
}
