import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER_ROOT = fileURLToPath(new URL('../../server/', import.meta.url));

/** Builds the CX dashboard as `pnpm --filter @customer-chair/server build` would. */
export function buildDashboard(): void {
  execFileSync(`${SERVER_ROOT}node_modules/.bin/vite`, ['build', '--config', 'dashboard/vite.config.ts'], { cwd: SERVER_ROOT, stdio: 'pipe' });
}
