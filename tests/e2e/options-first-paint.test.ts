import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../support/build-extension';
import { launchExtension, type ExtensionBrowser } from '../support/launch-extension';

/*
 * On a fresh profile Chromium's first storage.managed.get() was measured at
 * about 2.7 s, and the options page and popup waited for it behind
 * "Loading…". They now paint from the copy the background keeps in
 * storage.local. Where the delay does not reproduce, this stays a guard: the
 * fields must be there well within that time either way.
 */
const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;
const FIRST_PAINT_BUDGET_MS = 1_000;
let browser: ExtensionBrowser;

beforeAll(async () => {
  buildExtension();
  browser = await launchExtension();
});
afterAll(async () => {
  await browser?.dispose();
});

/** Opens an extension page on a fresh profile and answers how long after navigation started `selector` was shown, with no "Loading…". */
async function firstPaint(path: string, selector: string, viewport?: { width: number; height: number }) {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`, { waitUntil: 'domcontentloaded' });
  const paintedAfter = await page.evaluate(
    (sel) =>
      new Promise<number>((resolve) => {
        // performance.now() counts from the start of the navigation.
        const check = () => {
          const ready = document.querySelector(sel) && !document.body.textContent!.includes('Loading…');
          if (ready) resolve(performance.now());
          else requestAnimationFrame(check);
        };
        check();
      }),
    selector,
  );
  // How long storage.managed itself takes to answer here, for the record.
  const managedAfter = await page.evaluate(async () => {
    const start = performance.now();
    const { chrome } = globalThis as unknown as { chrome: { storage: { managed: { get(): Promise<unknown> } } } };
    await chrome.storage.managed.get().catch(() => undefined);
    return performance.now() - start;
  });
  return { page, paintedAfter, managedAfter };
}

describe('options and popup on a fresh Chromium profile', () => {
  it('shows the options page’s fields at once, without waiting for storage.managed', async () => {
    const { page, paintedAfter, managedAfter } = await firstPaint('options.html', '#server-url');
    console.info(`options: fields ${paintedAfter.toFixed(0)} ms after navigation; a storage.managed.get() then took ${managedAfter.toFixed(0)} ms`);
    await page.screenshot({ path: `${ARTIFACTS}options-first-paint.png`, fullPage: true });
    expect(paintedAfter).toBeLessThan(FIRST_PAINT_BUDGET_MS);
    expect(await page.getByLabel('Server URL').inputValue()).toBe('http://127.0.0.1:8787');
    await page.close();
  });

  it('shows the popup’s question at once', async () => {
    const { page, paintedAfter, managedAfter } = await firstPaint('popup.html', '#question-title', { width: 380, height: 700 });
    console.info(`popup: question ${paintedAfter.toFixed(0)} ms after navigation; a storage.managed.get() then took ${managedAfter.toFixed(0)} ms`);
    await page.screenshot({ path: `${ARTIFACTS}popup-first-paint.png`, fullPage: true });
    expect(paintedAfter).toBeLessThan(FIRST_PAINT_BUDGET_MS);
    await page.close();
  });
});
