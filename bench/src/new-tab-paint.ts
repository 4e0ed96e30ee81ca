import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { buildExtension } from '../../tests/support/build-extension';
import { EXTENSION_DIR, launchExtension } from '../../tests/support/launch-extension';
import { newTabAssets } from '../../tests/support/new-tab-assets';
import { setUpExtension } from '../../tests/support/set-up-extension';
import { round, summarize } from './summarize';

/** Runs in the page: when the element marked elementtiming="story-title" was painted, in ms since navigation. */
const TITLE_PAINT = () =>
  new Promise<number>((resolve, reject) => {
    setTimeout(() => reject(new Error('the story title was not painted within 10 s')), 10_000);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number; loadTime: number })[]) {
        if (entry.identifier === 'story-title') resolve(entry.renderTime || entry.loadTime);
      }
    }).observe({ type: 'element', buffered: true });
  });

async function timeLoad(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    return await page.evaluate(TITLE_PAINT);
  } finally {
    await page.close();
  }
}

/** The same story text as a plain static page, the floor for painting it. */
function staticPage(story: { title: string; customer: string; quote: string; body: string[] }): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>New tab</title></head><body>
<h1 elementtiming="story-title">${escape(story.title)}</h1><p>${escape(story.customer)}</p><blockquote>${escape(story.quote)}</blockquote>
${story.body.map((p) => `<p>${escape(p)}</p>`).join('\n')}</body></html>`;
}

/** The new tab's JavaScript and CSS (files, and the CSS inside its HTML), raw and gzipped, in bytes. */
function assetSizes() {
  const sizes = { js: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 } };
  const add = (kind: { raw: number; gzip: number }, bytes: Buffer) => {
    kind.raw += bytes.length;
    kind.gzip += gzipSync(bytes).length;
  };
  for (const file of newTabAssets()) add(file.endsWith('.js') ? sizes.js : sizes.css, readFileSync(`${EXTENSION_DIR}${file}`));
  for (const [, css] of readFileSync(`${EXTENSION_DIR}newtab.html`, 'utf8').matchAll(/<style>([^<]*)<\/style>/g)) add(sizes.css, Buffer.from(css!));
  return sizes;
}

/**
 * Time from navigation to the story title's paint on the extension's new
 * tab, against a static HTML file with the same text, alternating loads in
 * one Chromium. A third page splits the difference: the same static HTML
 * served from inside the extension (a copy of the build with that one file
 * added), which pays what any extension page pays before our code runs.
 */
export async function benchNewTabPaint({ loads = 20 } = {}) {
  buildExtension();
  const folder = mkdtempSync(join(tmpdir(), 'cc-bench-newtab-'));
  const extensionDir = join(folder, 'extension');
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  const browser = await launchExtension({ extensionDir });
  try {
    // A profile is chosen, so the new tab shows the day (not the first-run picker).
    await setUpExtension(browser, { department: 'sales', role: 'sales' });

    const probe = await browser.context.newPage();
    await probe.goto('chrome://newtab/');
    await probe.locator('#story-title').waitFor();
    const story = {
      title: (await probe.locator('#story-title').textContent())!,
      customer: (await probe.locator('.customer').first().textContent())!,
      quote: (await probe.locator('.quote').textContent()) ?? '',
      body: await probe.locator('.body').allTextContents(),
    };
    await probe.close();
    const file = join(folder, 'static.html');
    writeFileSync(file, staticPage(story));
    // Read by the browser from disk when first asked for: written before the first load of it.
    writeFileSync(join(extensionDir, 'bench-static.html'), staticPage(story));
    const pages = { newTab: 'chrome://newtab/', staticFile: `file://${file}`, staticInExtension: `chrome-extension://${browser.extensionId}/bench-static.html` };

    const samples = { newTab: [] as number[], staticFile: [] as number[], staticInExtension: [] as number[] };
    // One of each first, unmeasured: the first load of anything pays for cold caches.
    for (const url of Object.values(pages)) await timeLoad(browser.context, url);
    for (let i = 0; i < loads; i++) {
      for (const [name, url] of Object.entries(pages)) samples[name as keyof typeof pages].push(await timeLoad(browser.context, url));
    }
    const figures = (values: number[]) => {
      const s = summarize(values);
      return { min: round(s.min), median: round(s.median), max: round(s.max) };
    };
    const a = figures(samples.newTab);
    const b = figures(samples.staticFile);
    const c = figures(samples.staticInExtension);
    const sizes = assetSizes();
    return {
      newTabMs: a,
      staticPageMs: b,
      staticExtensionPageMs: c,
      ratio: round(a.median / b.median),
      ratioToStaticExtensionPage: round(a.median / c.median),
      loads,
      jsBytes: sizes.js,
      cssBytes: sizes.css,
    };
  } finally {
    await browser.dispose();
    rmSync(folder, { recursive: true, force: true });
  }
}
