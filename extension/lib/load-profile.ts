import { readManagedSettings } from './managed-settings';
import { effectiveProfile, type Profile } from './profile';
import { userSettings } from './storage';

/** The settings in force now: storage.local, with storage.managed winning. */
export async function loadProfile(): Promise<Profile> {
  const [user, managed] = await Promise.all([userSettings.getValue(), readManagedSettings()]);
  return effectiveProfile(user, managed);
}
