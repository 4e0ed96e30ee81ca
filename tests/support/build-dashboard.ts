import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER_ROOT = fileURLToPath(new URL('../../server/', import.meta.url));

/**
 * Builds the CX dashboard as `pnpm --filter @customer-chair/server build` would.
 * NODE_ENV is vitest's "test" here; left as is, Vite would ship Preact's development build.
 */
export function buildDashboard(): void {
  execFileSync(`${SERVER_ROOT}node_modules/.bin/vite`, ['build', '--config', 'dashboard/vite.config.ts'], {
    cwd: SERVER_ROOT,
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
