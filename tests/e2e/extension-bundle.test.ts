import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../support/build-extension';
import { EXTENSION_DIR } from '../support/launch-extension';
import { newTabAssets } from '../support/new-tab-assets';

describe('the new tab stays tiny', () => {
  beforeAll(() => buildExtension());

  it('loads no schema library and no settings code', () => {
    const scripts = newTabAssets().filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) {
      const code = readFileSync(`${EXTENSION_DIR}${file}`, 'utf8');
      expect(code, file).not.toMatch(/ZodError|\$ZodType/);
      expect(code, file).not.toMatch(/Send usage statistics/);
    }
  });

  it('only links to the nomination page: none of its code comes along', () => {
    const code = newTabAssets()
      .filter((f) => f.endsWith('.js'))
      .map((file) => readFileSync(`${EXTENSION_DIR}${file}`, 'utf8'))
      .join('\n');
    expect(code).toContain('/nominate.html');
    expect(code).not.toMatch(/Check your entry against the criteria|X-Entry-Receipt|recognition\/rounds|local:entryDraft/);
  });

  it('only links to the voice page: none of its code or storage comes along', () => {
    const code = newTabAssets()
      .filter((f) => f.endsWith('.js'))
      .map((file) => readFileSync(`${EXTENSION_DIR}${file}`, 'utf8'))
      .join('\n');
    expect(code).toContain('/voice.html');
    expect(code).not.toMatch(/X-Voice-Receipt|api\/v1\/voice|local:keptVoice|local:voiceSenderKey|Do not name colleagues/);
  });

  it('paints after one file: its HTML names one script and carries its CSS', () => {
    // Each file an extension page asks for waits on the browser's UI thread (see extension/wxt.config.ts).
    const html = readFileSync(`${EXTENSION_DIR}newtab.html`, 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="\/([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    // …which imports nothing before it runs (the storage code comes later, by `import()`).
    expect(readFileSync(`${EXTENSION_DIR}${scripts[0]}`, 'utf8')).not.toMatch(/\b(?:from|import)\s*["']/);
    expect(html).not.toMatch(/<link\b/);
    expect(html).toMatch(/<style>[^<]*\.story-title\{/);
  });

  it('ships at most 20 KB of JavaScript, gzipped', () => {
    const gzipped = newTabAssets()
      .filter((f) => f.endsWith('.js'))
      .reduce((sum, file) => sum + gzipSync(readFileSync(`${EXTENSION_DIR}${file}`)).length, 0);
    expect(gzipped).toBeLessThanOrEqual(20 * 1024);
  });
});
