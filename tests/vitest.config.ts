import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = fileURLToPath(new URL('..', import.meta.url));
const extensionRoot = fileURLToPath(new URL('../extension', import.meta.url));

export default defineConfig({
  test: {
    root,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Groups run one after another (the lowest first), so the timing-sensitive tests of one never share the two cores with the browsers and server processes of another.
          sequence: { groupOrder: 0 },
          include: ['tests/shared/**/*.test.ts', 'tests/server/**/*.test.ts', 'tests/conventions.test.ts'],
          environment: 'node',
          // Each worker keeps its modules from one file to the next: loading the server's modules
          // afresh for each of some 160 files took two thirds of this project's time (300 s → 110 s
          // here). Every file makes its own app and database; none relies on a fresh module.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          // The server's suite again, on a real PostgreSQL server: a throwaway cluster for the run, a fresh database per app.
          name: 'postgres',
          // After the SQLite run: the same suite on the throwaway cluster.
          sequence: { groupOrder: 1 },
          include: ['tests/server/**/*.test.ts'],
          // What only SQLite has: its migrations' history, its synchronous group commit; and the dashboard's
          // modules, which run in the browser and never reach a database.
          exclude: ['tests/server/storage/sqlite/**', 'tests/server/dashboard/**'],
          environment: 'node',
          env: { TEST_DATABASE: 'postgres' },
          // As the unit project: modules kept from file to file.
          isolate: false,
          globalSetup: ['tests/support/postgres-global-setup.ts'],
          setupFiles: ['tests/support/postgres-setup-file.ts'],
          hookTimeout: 60_000,
          testTimeout: 30_000,
        },
      },
      {
        // The extension's code with WXT's fake browser (storage, runtime, alarms in memory).
        plugins: [WxtVitest({ root: extensionRoot })],
        test: {
          name: 'extension',
          root,
          include: ['tests/extension/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          // As the unit project (42 s → 15 s); the files that use WXT's fake browser reset it themselves.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          // The real server process (main.ts) killed, restarted, backed up: one file at a time.
          name: 'process',
          // Real server processes, killed and restarted.
          sequence: { groupOrder: 2 },
          include: ['tests/process/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // Real Chromium against the real server: one file at a time, generous timeouts.
          name: 'e2e',
          // Real browsers last.
          sequence: { groupOrder: 3 },
          // The bench smoke run too: it builds the extension and drives Chromium, so it must not overlap them.
          include: ['tests/e2e/**/*.test.ts', 'tests/bench/**/*.test.ts'],
          environment: 'node',
          // One worker for every file, modules kept (so the extension and the dashboard are built once): 714 s → 636 s here.
          isolate: false,
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
