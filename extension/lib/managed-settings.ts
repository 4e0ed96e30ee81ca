import { browser } from 'wxt/browser';
import { managedMirror, type ManagedSettings } from './storage';

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

/**
 * Copies the managed values into storage.local. Chromium's first
 * storage.managed read on a fresh profile takes seconds; pages paint from
 * this copy at once and correct themselves when their own read arrives.
 * The whole copy is replaced, so a value IT removed disappears from it.
 */
export async function mirrorManagedSettings(): Promise<ManagedSettings> {
  const managed = await readManagedSettings();
  await managedMirror.setValue(managed);
  return managed;
}

/** Keeps the mirror current while the background runs: at start, and whenever IT changes the policy. */
export function keepManagedMirror(): Promise<ManagedSettings> {
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void mirrorManagedSettings();
  });
  return mirrorManagedSettings();
}

/**
 * The managed values for a page: `paint` gets the mirror at once, then the
 * live read when it arrives (and again whenever the policy changes) — unless
 * `signal` aborted first.
 */
export async function watchManagedSettings(paint: (managed: ManagedSettings, live: boolean) => void, signal: AbortSignal): Promise<void> {
  let live = false;
  const read = async () => {
    const managed = await readManagedSettings();
    live = true;
    if (!signal.aborted) paint(managed, true);
  };
  const onChanged = (_changes: unknown, area: string) => {
    if (area === 'managed') void read();
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
  const pending = read();
  const mirrored = await managedMirror.getValue();
  // The live read can beat the mirror (a warm browser): never paint the older copy over it.
  if (!live && !signal.aborted) paint(mirrored, false);
  await pending;
}
