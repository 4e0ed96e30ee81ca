import { readFileSync } from 'node:fs';
import { EXTENSION_DIR } from './launch-extension';

/** Every script and stylesheet the built new tab loads before it paints (paths inside the extension). */
export function newTabAssets(): string[] {
  const html = readFileSync(`${EXTENSION_DIR}newtab.html`, 'utf8');
  return [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
}
