import { parentPort, workerData } from 'node:worker_threads';
import { planImport, type ImportSnapshot } from './plan-import';

/** The thread planImportOffThread starts: plans one import, answers, and ends. */
const { contentType, body, current, keepFile } = workerData as { contentType: string; body: ArrayBuffer; current: ImportSnapshot; keepFile: boolean };
parentPort!.postMessage(planImport(contentType, new TextDecoder().decode(body), current, keepFile));
