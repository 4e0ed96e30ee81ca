import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The project's layout rules (../STYLE.md habits), checked so they cannot drift. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(name)) out.push(path);
  }
  return out;
}

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const camel = (kebab: string) => kebab.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

describe('conventions', () => {
  it('shared/ is pure: no I/O, no clock, no randomness, no browser', () => {
    const offenders = sourceFiles('shared/src').flatMap((file) => {
      const text = read(file);
      const found = [
        /from ['"](node:|fs|path|better-sqlite3|hono)/.test(text) && 'imports I/O',
        /\bfetch\(/.test(text) && 'fetch',
        /Date\.now\(\)|new Date\(\)/.test(text) && 'reads the clock',
        /Math\.random|crypto\./.test(text) && 'randomness',
        /\b(browser|chrome|document|window|localStorage)\./.test(text) && 'browser APIs',
        /process\.env/.test(text) && 'process.env',
      ].filter(Boolean);
      return found.map((what) => `${file}: ${what}`);
    });
    expect(offenders).toEqual([]);
  });

  it('only server/src/main.ts reads the environment', () => {
    const readers = sourceFiles('server/src').filter((file) => /process\.env/.test(read(file)));
    expect(readers).toEqual(['server/src/main.ts']);
  });

  it('file names are kebab-case', () => {
    const bad = [...sourceFiles('shared/src'), ...sourceFiles('server/src')].filter(
      (file) => !/^[a-z0-9]+(-[a-z0-9]+)*\.tsx?$/.test(file.split('/').pop()!),
    );
    expect(bad).toEqual([]);
  });

  it('each server query and shared domain file exports the function it is named after', () => {
    const files = [...sourceFiles('server/src/storage/queries'), ...sourceFiles('shared/src/domain')];
    const missing = files.filter((file) => {
      const name = camel(file.split('/').pop()!.replace(/\.tsx?$/, ''));
      return !new RegExp(`export (async )?function ${name}\\b`).test(read(file));
    });
    expect(missing).toEqual([]);
  });

  it('no UI turns text into HTML: stories and questions are shown as text everywhere', () => {
    const ui = ['extension', 'server/dashboard/src', 'shared/src'].flatMap((dir) => sourceFiles(dir)).filter((file) => !file.startsWith('extension/.'));
    const bad = ui.filter((file) => /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/.test(read(file)));
    expect(bad).toEqual([]);
  });

  it('server code does not write SQL outside storage/', () => {
    const bad = sourceFiles('server/src')
      .filter((file) => !/\/storage\//.test(file))
      .filter((file) => /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b/.test(read(file)));
    expect(bad).toEqual([]);
  });

  it('every test file mirrors a source file or folder', () => {
    const tests = sourceFiles('tests').filter((f) => f.endsWith('.test.ts') && !f.startsWith('tests/e2e/') && !f.startsWith('tests/process/'));
    const orphans = tests.filter((test) => {
      // `stats.reference.test.ts` also mirrors `stats.ts`.
      const path = relative('tests', test).replace(/(\.[a-z-]+)?\.test\.ts$/, '');
      if (path === 'conventions') return false;
      const [pkg, ...rest] = path.split('/');
      const base = join(pkg!, pkg === 'extension' ? '' : 'src', ...rest);
      return !['.ts', '.tsx', ''].some((ext) => {
        try {
          statSync(join(ROOT, base + ext));
          return true;
        } catch {
          return false;
        }
      });
    });
    expect(orphans).toEqual([]);
  });
});
