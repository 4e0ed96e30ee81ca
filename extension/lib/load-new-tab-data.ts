import { readManagedSettings } from './managed-settings';
import type { NewTabData } from './new-tab-snapshot';
import { effectiveProfile } from './profile';
import { cachedBundle, userSettings } from './storage';

/** The new tab's data from extension storage: the synced bundle (or the demo's) and the settings in force. */
export async function loadNewTabData(): Promise<NewTabData> {
  const [cached, user, managed] = await Promise.all([cachedBundle.getValue(), userSettings.getValue(), readManagedSettings()]);
  const bundle = cached?.bundle ?? (await import('./demo-bundle')).demoBundle();
  return { bundle, profile: effectiveProfile(user, managed) };
}

/** Saves the department and role the employee picked on the new tab. */
export async function saveProfileChoice(choice: { department: string; role: string }): Promise<void> {
  await userSettings.setValue({ ...(await userSettings.getValue()), ...choice });
}
