import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const EXTENSION_ROOT = fileURLToPath(new URL('../../extension/', import.meta.url));
/** Builds made by this test worker: the end-to-end files share one (their project keeps modules between files). */
const built = new Set<string>();

/**
 * Builds the extension as `pnpm --filter @customer-chair/extension build` would (Chrome MV3 by default).
 * NODE_ENV is vitest's "test" here; the build must be the production one that ships.
 */
export function buildExtension(browser: 'chrome' | 'firefox' = 'chrome'): void {
  if (built.has(browser)) return;
  execFileSync(`${EXTENSION_ROOT}node_modules/.bin/wxt`, ['build', '-b', browser], {
    cwd: EXTENSION_ROOT,
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  built.add(browser);
}
