import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './launch-extension';

/** The extension's options page, open and ready. */
export async function openOptions(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByLabel('Server URL').waitFor();
  return page;
}

/** Presses "Sync now" on the options page and answers the message it shows ("Synced…", "Cannot reach…"). */
export async function syncNow(browser: ExtensionBrowser, timeout = 30_000): Promise<string> {
  const page = await openOptions(browser);
  await page.getByRole('button', { name: 'Sync now' }).click();
  const message = page.locator('.message');
  await message.waitFor({ timeout });
  const text = (await message.textContent()) ?? '';
  await page.close();
  return text;
}

/** "I did this" on the `index`th action of a new tab, as an employee would. */
export async function logAction(browser: ExtensionBrowser, index: number): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto('chrome://newtab/');
  await page.getByRole('button', { name: /^I did this/ }).nth(index).click();
  await page.getByText('Logged — thank you').waitFor();
  await page.close();
}
