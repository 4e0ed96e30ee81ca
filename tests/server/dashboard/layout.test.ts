import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The dashboard's layout rules, checked so they cannot drift back (see server/dashboard/src). */
const SRC = fileURLToPath(new URL('../../../server/dashboard/src/', import.meta.url));
const files = readdirSync(SRC).filter((name) => /\.tsx?$/.test(name));
const read = (name: string) => readFileSync(`${SRC}${name}`, 'utf8');
const pascal = (file: string) => file.replace(/\.tsx?$/, '').replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());

describe('the dashboard’s code', () => {
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
