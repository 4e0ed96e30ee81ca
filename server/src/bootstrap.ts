import { demoContent } from '@customer-chair/shared/demo/demo-content';
import type { Database } from 'better-sqlite3';
import { generateAdminToken, hashToken } from './auth/tokens';
import type { Clock } from './clock';
import type { Config } from './config';
import { countAdminTokens } from './storage/queries/count-admin-tokens';
import { getContentVersion } from './storage/queries/get-content-version';
import { insertAdminToken } from './storage/queries/insert-admin-token';
import { replaceContent } from './storage/queries/replace-content';

export type BootstrapResult = {
  /** True when this start seeded the demo content into an empty database. */
  seededDemoContent: boolean;
  /** A token made on this start; it exists nowhere else, so show it once. */
  generatedAdminToken?: string;
};

/**
 * Makes a database ready to serve: demo content on first start, and an admin
 * token (the configured one, or a new one when there is none at all).
 */
export function bootstrap(db: Database, config: Config, clock: Clock): BootstrapResult {
  const now = clock.now();
  const result: BootstrapResult = { seededDemoContent: false };
  if (!getContentVersion(db)) {
    replaceContent(db, demoContent, now);
    result.seededDemoContent = true;
  }
  if (config.adminToken !== undefined) {
    insertAdminToken(db, 'ADMIN_TOKEN (environment)', hashToken(config.adminToken), now);
  } else if (countAdminTokens(db) === 0) {
    const token = generateAdminToken();
    insertAdminToken(db, 'first start', hashToken(token), now);
    result.generatedAdminToken = token;
  }
  return result;
}
