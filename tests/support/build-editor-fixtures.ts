import { readdirSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ENTRIES = fileURLToPath(new URL('../e2e/fixtures/editors/', import.meta.url));
/** Where the bundles go (gitignored); the fixture pages load them from /__editors__/<name>.js. */
export const EDITOR_BUNDLES = fileURLToPath(new URL('../.editor-fixtures/', import.meta.url));

// esbuild is not a root dependency; it comes with the extension's vite.
const vite = realpathSync(fileURLToPath(new URL('../../extension/node_modules/vite/package.json', import.meta.url)));
const esbuild = createRequire(vite)('esbuild') as { buildSync(options: Record<string, unknown>): unknown };

let built = false;

/**
 * Bundles the fixture pages' editors (the real CKEditor 5, TipTap and
 * RoosterJS from node_modules, and the small scripted fields) into
 * EDITOR_BUNDLES, once per test process: one `<name>.js` (and `<name>.css`
 * for CKEditor's styles) per entry in tests/e2e/fixtures/editors/.
 */
export function buildEditorFixtures(): string {
  if (built) return EDITOR_BUNDLES;
  const entryPoints = readdirSync(ENTRIES)
    .filter((file) => file.endsWith('.ts') && file !== 'expose.ts')
    .map((file) => `${ENTRIES}${file}`);
  esbuild.buildSync({
    entryPoints,
    outdir: EDITOR_BUNDLES,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
    legalComments: 'none',
  });
  built = true;
  return EDITOR_BUNDLES;
}
