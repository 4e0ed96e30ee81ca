import { loadProfile } from './load-profile';
import type { NewTabData } from './new-tab-snapshot';
import { cachedBundle, userSettings } from './storage';

/** The new tab's data from extension storage: the synced bundle (or the demo's) and the settings in force. */
export async function loadNewTabData(): Promise<NewTabData> {
  const [cached, profile] = await Promise.all([cachedBundle.getValue(), loadProfile()]);
  const bundle = cached?.bundle ?? (await import('./demo-bundle')).demoBundle();
  return { bundle, profile };
}

/** Saves the department and role the employee picked on the new tab. */
export async function saveProfileChoice(choice: { department: string; role: string }): Promise<void> {
  await userSettings.setValue({ ...(await userSettings.getValue()), ...choice });
}
