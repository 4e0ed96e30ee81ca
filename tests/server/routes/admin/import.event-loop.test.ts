import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../shared/src/schemas/limits';
import { json, snapshot, type TestApp } from '../../../support/admin-api';
import { makeTestApp } from '../../../support/test-app';

/**
 * The longest the event loop went without a turn while `run` ran, measured
 * by a 1 ms timer: what a sync or /health arriving meanwhile would wait.
 * Before the import was planned on its own thread, 5 MB files held it for
 * 160–385 ms here (0.9 s on the adversarial test's machine).
 */
async function longestBlock<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  let last = performance.now();
  let ms = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    ms = Math.max(ms, now - last);
    last = now;
  }, 1);
  try {
    const result = await run();
    ms = Math.max(ms, performance.now() - last);
    return { ms, result };
  } finally {
    clearInterval(probe);
  }
}

/** "About 50 ms" with room for a busy test machine; measured 20–55 ms. */
const BOUND_MS = 100;

/**
 * longestBlock, run again (up to `attempts` times in all) while it is over
 * the bound, answering the least and the first run's result: a pause of a
 * busy machine (other processes, a GC of the test runner) falls on one run,
 * an import that holds the loop holds it in every run. Running an import
 * again plans the same file against what the first run stored, as heavy.
 */
async function leastBlock<T>(attempts: number, run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const first = await longestBlock(run);
  let ms = first.ms;
  for (let i = 1; i < attempts && ms >= BOUND_MS; i++) ms = Math.min(ms, (await longestBlock(run)).ms);
  return { ms, result: first.result };
}
const NEAR_LIMIT = LIMITS.importBodyBytes - 64 * 1024;
const HEADER = 'title,customer,quote,body,impact,source,tags,publishOn\n';
const csvRow = (i: number, body: number) => `Title ${i},Customer ${i},Quote ${i},"${'x'.repeat(body)}",Impact,Source,"a; b",\n`;

function importFile(t: TestApp, mode: string, body: string, contentType: string) {
  return t.app.request(`/api/v1/admin/import?mode=${mode}`, { method: 'POST', headers: { ...t.admin, 'Content-Type': contentType }, body });
}

/**
 * Each test imports a 5 MB file up to six times (three tries, preview and apply): a few seconds
 * each on a busy two-core machine, more than the unit project's 5 s default.
 */
const SLOW_IMPORTS_MS = 60_000;

describe('a 5 MB import does not hold up the event loop', { timeout: SLOW_IMPORTS_MS }, () => {
  it('CSV of the most rows allowed, each near the longest body: applied, with the loop never held for long', async () => {
    const t = await makeTestApp();
    const csv = HEADER + Array.from({ length: LIMITS.importRows }, (_, i) => csvRow(i, LIMITS.body)).join('');
    expect(csv.length).toBeGreaterThan(4_000_000);
    const { ms, result } = await leastBlock(3, async () => json(importFile(t, 'apply', csv, 'text/csv')));
    expect(result).toMatchObject({ applied: true, counts: { stories: { create: LIMITS.importRows } } });
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('CSV of 5 MB of short rows, too many: refused, nothing stored, the loop never held for long', async () => {
    const t = await makeTestApp();
    let csv = HEADER;
    for (let i = 0; csv.length < NEAR_LIMIT; i++) csv += csvRow(i, 20);
    const before = await snapshot(t);
    const { ms, result } = await leastBlock(3, async () => {
      const response = await importFile(t, 'apply', csv, 'text/csv');
      return { status: response.status, body: await response.json() };
    });
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.body)).toMatch(/import at most 2000/);
    expect(await snapshot(t)).toBe(before);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('JSON list of 5 MB: previewed, the loop never held for long', async () => {
    const t = await makeTestApp();
    const stories = Array.from({ length: LIMITS.importRows }, (_, i) => ({ title: `Title ${i}`, customer: `Customer ${i}`, body: 'x'.repeat(LIMITS.body), tags: ['a'] }));
    const { ms, result } = await leastBlock(3, async () => json(importFile(t, 'preview', JSON.stringify(stories), 'application/json')));
    expect(result).toMatchObject({ applied: false, counts: { stories: { create: LIMITS.importRows } } });
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('an export file of 5 MB: previewed and restored, the loop never held for long', async () => {
    const t = await makeTestApp();
    const file = await json<{ stories: Record<string, unknown>[] }>(t.app.request('/api/v1/admin/export', { headers: t.admin }));
    const base = file.stories[0]!;
    let size = Buffer.byteLength(JSON.stringify(file));
    for (let i = 0; size < NEAR_LIMIT - 4000; i++) {
      const story = { ...base, id: `restored-${i}`, title: `Restored ${i}`, body: 'x'.repeat(1800) };
      file.stories.push(story);
      size += Buffer.byteLength(JSON.stringify(story)) + 1;
    }
    const body = JSON.stringify(file);
    for (const mode of ['preview', 'apply']) {
      const { ms, result } = await leastBlock(3, async () => json(importFile(t, mode, body, 'application/json')));
      expect(result, mode).toMatchObject({ kind: 'restore', applied: mode === 'apply' });
      expect(ms, mode).toBeLessThan(BOUND_MS);
    }
    expect((await json<{ stories: unknown[] }>(t.app.request('/api/v1/admin/export', { headers: t.admin }))).stories).toHaveLength(file.stories.length);
  });

  it('an import whose content changed while it was checked is planned again against the new content', async () => {
    const t = await makeTestApp();
    const csv = HEADER + Array.from({ length: 300 }, (_, i) => csvRow(i, 400)).join('');
    const pending = importFile(t, 'apply', csv, 'text/csv');
    // While the file is being checked on its thread, a CX lead adds a story with the first row's title and customer.
    const added = await t.app.request('/api/v1/admin/stories', {
      method: 'POST',
      headers: { ...t.admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Title 0', customer: 'Customer 0', body: 'Written meanwhile.' }),
    });
    expect(added.status).toBe(201);
    const result = await json(pending);
    expect(result).toMatchObject({ applied: true, counts: { stories: { create: 299, update: 1 } } });
  });
});
