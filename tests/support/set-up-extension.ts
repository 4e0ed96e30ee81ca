import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './launch-extension';

/**
 * What an employee does first, on the options page: points the extension
 * at a server, says where they work and, with `sync`, syncs at once.
 * `open` makes the page (a test may watch its pages for errors).
 */
export async function setUpExtension(
  browser: ExtensionBrowser,
  settings: { serverUrl?: string; department: string; role: string; sync?: boolean },
  open: () => Promise<Page> = () => browser.context.newPage(),
): Promise<void> {
  const options = await open();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  if (settings.serverUrl !== undefined) await options.getByLabel('Server URL').fill(settings.serverUrl);
  await options.getByLabel('Department').selectOption(settings.department);
  await options.getByLabel('Role').selectOption(settings.role);
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByText('Saved.').waitFor();
  if (settings.sync) {
    await options.getByRole('button', { name: 'Sync now' }).click();
    await options.locator('.message', { hasText: /^Synced/ }).waitFor();
  }
  await options.close();
}
