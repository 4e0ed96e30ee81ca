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
/** The server files a server file imports (relative imports, resolved), type-only imports included. */
function serverImports(file: string): string[] {
  const out: string[] = [];
  for (const match of read(file).matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'/g)) {
    const target = join(file, '..', match[1]!);
    for (const candidate of [`${target}.ts`, `${target}.tsx`, join(target, 'index.ts')]) {
      try {
        statSync(join(ROOT, candidate));
        out.push(candidate);
        break;
      } catch {
        // not this one
      }
    }
  }
  return out;
}

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
      // The dashboard's sources are under server/dashboard/src: tests/server/dashboard/x mirrors server/dashboard/src/x.
      const base = pkg === 'server' && rest[0] === 'dashboard' ? join('server', 'dashboard', 'src', ...rest.slice(1)) : join(pkg!, pkg === 'extension' ? '' : 'src', ...rest);
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

  describe('the direction of the server\'s imports', () => {
    const files = sourceFiles('server/src');
    const imports = new Map(files.map((file) => [file, serverImports(file)]));
    const importers = (target: RegExp) => files.filter((file) => imports.get(file)!.some((imported) => target.test(imported)));

    it('has no import cycles', () => {
      const cycles: string[] = [];
      const state = new Map<string, 'open' | 'done'>();
      const visit = (file: string, path: string[]) => {
        if (state.get(file) === 'done') return;
        if (state.get(file) === 'open') {
          cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
          return;
        }
        state.set(file, 'open');
        for (const next of imports.get(file) ?? []) visit(next, [...path, file]);
        state.set(file, 'done');
      };
      for (const file of files) visit(file, []);
      expect(cycles).toEqual([]);
    });

    it('only storage/ reaches a database driver', () => {
      const drivers = files.filter((file) => !file.startsWith('server/src/storage/') && /from '(better-sqlite3|pg)'/.test(read(file)));
      expect(drivers).toEqual([]);
    });

    it('storage/ depends on nothing above it (routes, middleware, http, app, cli)', () => {
      const upward = files
        .filter((file) => file.startsWith('server/src/storage/'))
        .filter((file) => imports.get(file)!.some((imported) => /^server\/src\/(routes|middleware|http|cli|auth|import)\/|^server\/src\/(app|main|bootstrap|deps)\.ts$/.test(imported)));
      expect(upward).toEqual([]);
    });

    it('routes are mounted by app.ts only; app.ts is started by main.ts only; nothing imports main.ts', () => {
      expect(importers(/^server\/src\/routes\//).filter((file) => file !== 'server/src/app.ts' && !file.startsWith('server/src/routes/'))).toEqual([]);
      expect(importers(/^server\/src\/app\.ts$/)).toEqual(['server/src/main.ts']);
      expect(importers(/^server\/src\/main\.ts$/)).toEqual([]);
    });

    it('http/ and middleware/ helpers do not reach into routes', () => {
      expect(files.filter((file) => /^server\/src\/(http|middleware)\//.test(file) && imports.get(file)!.some((imported) => imported.startsWith('server/src/routes/')))).toEqual([]);
    });
  });

  describe('the dashboard’s code (server/dashboard/src)', () => {
    const DASHBOARD = 'server/dashboard/src/';
    const files = readdirSync(join(ROOT, DASHBOARD)).filter((name) => /\.tsx?$/.test(name));
    const read = (name: string) => readFileSync(join(ROOT, DASHBOARD, name), 'utf8');
    const pascal = (file: string) => file.replace(/\.tsx?$/, '').replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());

    it('holds one component per file, named after the file', () => {
      const wrong: string[] = [];
      for (const file of files.filter((name) => name.endsWith('.tsx'))) {
        // Top-level functions with a capital letter are components (helpers are lower-case; a component made inside a function is not top-level).
        const components = [...read(file).matchAll(/^(?:export )?function ([A-Z]\w*)/gm)].map((m) => m[1]!);
        if (components.length > 1 || (components.length === 1 && components[0] !== pascal(file))) wrong.push(`${file}: ${components.join(', ')}`);
      }
      expect(wrong).toEqual([]);
    });

    it('loads every page when it is first opened: the App imports none of them up front', () => {
      const app = read('app.tsx');
      const lazy = [...app.matchAll(/lazyPage\(\(\) => import\('\.\/([\w-]+)'\)/g)].map((m) => m[1]!);
      expect(lazy.length).toBeGreaterThanOrEqual(12);
      const eager = [...app.matchAll(/^import [^;]*from '\.\/([\w-]+)'/gm)].map((m) => m[1]!);
      expect(eager.filter((module) => lazy.includes(module))).toEqual([]);
    });

    it('handles an ended session in one place: the API client tells the App', () => {
      const mentions = files.filter((file) => /\b401\b|onExpired|isExpired/.test(read(file)));
      expect(mentions).toEqual(['api.ts']);
    });

    it('loads data through useLoad: no page writes its own attempt counter', () => {
      expect(files.filter((file) => /\[attempt, setAttempt\]/.test(read(file)))).toEqual(['use-load.ts']);
    });
  });
});
