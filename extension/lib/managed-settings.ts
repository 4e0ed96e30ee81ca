import { browser } from 'wxt/browser';
import type { ManagedSettings } from './storage';

/**
 * The values IT set by policy. Browsers without managed storage (or with no
 * policy) answer with an error or nothing: both mean "none".
 */
export async function readManagedSettings(): Promise<ManagedSettings> {
  try {
    const values = (await browser.storage.managed.get()) as Record<string, unknown>;
    const out: ManagedSettings = {};
    for (const key of ['serverUrl', 'enrollmentKey', 'department', 'role'] as const) {
      if (typeof values[key] === 'string' && values[key] !== '') out[key] = values[key] as string;
    }
    for (const key of ['lockProfile', 'disableUsageStatistics'] as const) {
      if (typeof values[key] === 'boolean') out[key] = values[key] as boolean;
    }
    return out;
  } catch {
    return {};
  }
}
