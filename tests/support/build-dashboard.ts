import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER_ROOT = fileURLToPath(new URL('../../server/', import.meta.url));
/** Built once per test worker: the end-to-end files share one (their project keeps modules between files). */
let built = false;

/**
 * Builds the CX dashboard as `pnpm --filter @customer-chair/server build` would.
 * NODE_ENV is vitest's "test" here; left as is, Vite would ship Preact's development build.
 */
export function buildDashboard(): void {
  if (built) return;
  execFileSync(`${SERVER_ROOT}node_modules/.bin/vite`, ['build', '--config', 'dashboard/vite.config.ts'], {
    cwd: SERVER_ROOT,
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  built = true;
}
