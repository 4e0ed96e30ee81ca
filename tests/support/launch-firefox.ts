import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_BUILD_DIR = fileURLToPath(new URL('../../extension/.output/firefox-mv2/', import.meta.url));
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The gecko id in extension/wxt.config.ts. */
export const GECKO_ID = 'customer-chair@customer-chair.app';
/** Pinned through `extensions.webextensions.uuids`, so the test knows the moz-extension:// origin before installing. */
export const EXTENSION_UUID = '6f1c2a4e-3b5d-4c7e-9a10-2b3c4d5e6f70';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export type FirefoxExtensionBrowser = {
  browser: Browser;
  /** The extension's own page, e.g. `options.html`. */
  url(path: string): string;
  /** Closes Firefox (killing it if closing hangs) and deletes the copy of the build. */
  dispose(): Promise<void>;
};

/** Fails with a message a newcomer can act on when the browser is missing. */
export function assertFirefox(): string {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`The Firefox end-to-end test needs firefox-esr at ${FIREFOX_PATH}: install it (Debian: apt-get install -y firefox-esr) or set FIREFOX_PATH.`);
  }
  return FIREFOX_PATH;
}

/** Rejects after `ms` with a message naming what hung. */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Debian's firefox-esr, headless, driven by puppeteer-core over WebDriver
 * BiDi, with the Firefox build installed as a temporary add-on. The build is
 * copied first, so another build of the tree during the test cannot change
 * what Firefox runs.
 */
export async function launchFirefoxExtension(buildDir = FIREFOX_BUILD_DIR): Promise<FirefoxExtensionBrowser> {
  const copy = mkdtempSync(join(tmpdir(), 'cc-firefox-build-'));
  cpSync(buildDir, copy, { recursive: true });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: assertFirefox(),
    headless: true,
    // Without it, Firefox refuses installExtension over BiDi (webExtension.install needs system access).
    args: ['--remote-allow-system-access'],
    protocolTimeout: 30_000,
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    },
  });
  try {
    await within(30_000, 'installing the extension', browser.installExtension(copy));
  } catch (error) {
    await closeOrKill(browser);
    rmSync(copy, { recursive: true, force: true });
    throw error;
  }
  return {
    browser,
    url: (path) => `${EXTENSION_ORIGIN}/${path}`,
    dispose: async () => {
      await closeOrKill(browser);
      rmSync(copy, { recursive: true, force: true });
    },
  };
}

/** `browser.close()`, and SIGKILL for the process if that does not end within 10 s. */
export async function closeOrKill(browser: Browser): Promise<void> {
  const child = browser.process();
  try {
    await within(10_000, 'closing Firefox', browser.close());
  } catch {
    child?.kill('SIGKILL');
  }
}

/**
 * Opens `url` in a new tab. `page.goto` on a moz-extension:// page may never
 * resolve over BiDi, so the navigation is started and not awaited, and the
 * document is polled until it has loaded.
 */
export async function openPage(browser: Browser, url: string, timeout = 30_000): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(timeout);
  void page.goto(url, { waitUntil: 'domcontentloaded', timeout }).catch(() => undefined);
  await waitForLoad(page, url, timeout);
  return page;
}

/** Polls until the page shows `url` (by prefix) and its document has finished loading. */
export async function waitForLoad(page: Page, url: string, timeout = 30_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const state = await page
      .evaluate(() => ({ href: location.href, ready: document.readyState }))
      .catch(() => undefined);
    if (state && state.href.startsWith(url) && state.ready === 'complete') return;
    if (Date.now() > deadline) throw new Error(`${url} did not load in ${timeout} ms (last seen: ${JSON.stringify(state)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
