import { readFileSync } from 'node:fs';
import { EXTENSION_DIR } from './launch-extension';

/** Loaded only until the first sync, and on purpose never on the usual path: not counted. */
const ONLY_BEFORE_FIRST_SYNC = /^chunks\/demo-bundle-/;

/**
 * Every script and stylesheet the built new tab loads (paths inside the
 * extension): what its HTML names, and every module those import, statically
 * or on demand — the storage code it loads just after painting included.
 */
export function newTabAssets(): string[] {
  const html = readFileSync(`${EXTENSION_DIR}newtab.html`, 'utf8');
  const found = new Set([...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!));
  const queue = [...found].filter((f) => f.endsWith('.js'));
  while (queue.length) {
    const file = queue.shift()!;
    const code = readFileSync(`${EXTENSION_DIR}${file}`, 'utf8');
    const folder = file.slice(0, file.lastIndexOf('/') + 1);
    // `from"./x.js"`, `import"./x.js"` and `import(\`./x.js\`)`, as Vite writes them.
    for (const match of code.matchAll(/(?:from|import)\s*\(?\s*["'`]\.\/([\w.-]+\.js)["'`]/g)) {
      const path = `${folder}${match[1]}`;
      if (found.has(path) || ONLY_BEFORE_FIRST_SYNC.test(path)) continue;
      found.add(path);
      queue.push(path);
    }
  }
  return [...found];
}
