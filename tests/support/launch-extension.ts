import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const EXTENSION_DIR = fileURLToPath(new URL('../../extension/.output/chrome-mv3/', import.meta.url));
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Fails with a message a newcomer can act on when the browser is missing. */
export function assertChromium(): string {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`The end-to-end tests need Chromium at ${CHROMIUM_PATH}: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  return CHROMIUM_PATH;
}

export type ExtensionBrowser = {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  /** Closes the browser, keeping the profile (to relaunch it). */
  close(): Promise<void>;
  /** Closes the browser and deletes the profile. */
  dispose(): Promise<void>;
};

/**
 * Debian's Chromium with the built extension loaded, in a persistent
 * profile (pass `userDataDir` again to relaunch the same profile);
 * `extensionDir` loads another copy of the build.
 */
export async function launchExtension(options: { userDataDir?: string; extensionDir?: string } = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'cc-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: assertChromium(),
    headless: true,
    env: { ...process.env, XDG_CONFIG_HOME: join(userDataDir, '.config'), XDG_CACHE_HOME: join(userDataDir, '.cache') },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    userDataDir,
    close: () => context.close(),
    dispose: async () => {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
