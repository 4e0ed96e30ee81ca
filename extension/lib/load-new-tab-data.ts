import { loadProfile } from './load-profile';
import type { NewTabData } from './new-tab-snapshot';
import { cachedBundle, thanked, userSettings, validation } from './storage';

/** The new tab's data from extension storage: the synced bundle (or the demo's), the settings in force, the validation figures and the thanks given. */
export async function loadNewTabData(): Promise<NewTabData> {
  const [cached, profile, figures, thanks] = await Promise.all([cachedBundle.getValue(), loadProfile(), validation.getValue(), thanked.getValue()]);
  const bundle = cached?.bundle ?? (await import('./demo-bundle')).demoBundle();
  return { bundle, profile, validation: figures, thanked: thanks };
}

/** Saves the department and role the employee picked on the new tab. */
export async function saveProfileChoice(choice: { department: string; role: string }): Promise<void> {
  await userSettings.setValue({ ...(await userSettings.getValue()), ...choice });
}
