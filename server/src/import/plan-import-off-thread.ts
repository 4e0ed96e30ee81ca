import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { planImport, type ImportSnapshot, type PlannedImport } from './plan-import';

/** Bodies up to this size are planned at once: a few milliseconds, less than starting a thread. */
export const PLAN_INLINE_BYTES = 64 * 1024;

/**
 * The server runs its TypeScript through tsx; the planning thread registers
 * tsx itself (an `--import` in the worker's execArgv is not applied to its
 * entry on Node 20), then loads the planning code.
 */
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
const START = `import(${JSON.stringify(TSX_API)}).then(({ register }) => { register(); return import(${JSON.stringify(new URL('./plan-import-worker.ts', import.meta.url).href)}); });`;

/**
 * Plans an import (see planImport) without holding up the event loop: a
 * large file is read and validated on a worker thread of its own, so syncs,
 * event batches and /health go on being answered meanwhile (a 5 MB file
 * took about 0.3–0.4 s of one turn before). The body is handed over, not
 * copied; the plan comes back by structured clone.
 */
export async function planImportOffThread(contentType: string, body: ArrayBuffer, current: ImportSnapshot, keepFile = true): Promise<PlannedImport> {
  if (body.byteLength <= PLAN_INLINE_BYTES) return planImport(contentType, new TextDecoder().decode(body), current, keepFile);
  const worker = new Worker(START, {
    eval: true,
    workerData: { contentType, body, current, keepFile },
    transferList: [body],
    // A 5 MB file parses into many small objects; headroom, and a bound.
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  try {
    return await new Promise<PlannedImport>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the import planning thread ended (exit code ${code}) before answering`)));
    });
  } finally {
    void worker.terminate();
  }
}
