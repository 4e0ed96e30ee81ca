import { LIMITS } from '@customer-chair/shared/schemas/limits';
import type { Settings as SettingsData } from '@customer-chair/shared/schemas/settings';
import { useEffect, useState } from 'preact/hooks';
import { admin, failureMessage, isConflict } from './api';
import { Alert } from './alert';
import { Saved } from './saved';

/** Every zone the browser knows; the server validates the choice again. */
const ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** The company's time zone: "today" and every day in the stats follow it. */
export function TimezoneForm() {
  const [settings, setSettings] = useState<SettingsData>();
  const [zone, setZone] = useState('');
  const [error, setError] = useState<{ message: string; conflict: boolean }>();
  const [saved, setSaved] = useState<string>();

  const load = () =>
    admin.settings().then(
      (s) => (setSettings(s), setZone((z) => z || s.timezone), setError(undefined)),
      (failure) => setError({ message: failureMessage(failure), conflict: false }),
    );
  useEffect(() => void load(), []);

  async function save(e: Event) {
    e.preventDefault();
    if (!settings) return;
    setSaved(undefined);
    try {
      const next = await admin.saveSettings({ timezone: zone, revision: settings.revision });
      setSettings(next);
      setError(undefined);
      setSaved(`The company’s time zone is ${next.timezone}: “today” and every day in the stats follow it.`);
    } catch (failure) {
      setError({ message: failureMessage(failure), conflict: isConflict(failure) });
    }
  }

  const zones = settings && !ZONES.includes(settings.timezone) ? [settings.timezone, ...ZONES] : ZONES;
  return (
    <form class="panel item-form settings-block timezone" aria-labelledby="timezone-title" onSubmit={save}>
      <h2 id="timezone-title">Company time zone</h2>
      {settings && (
        <>
          <div class="row">
            <div class="field inline">
              <label for="timezone">Time zone</label>
              {zones.length ? (
                <select id="timezone" value={zone} onChange={(e) => setZone(e.currentTarget.value)} aria-describedby="timezone-hint">
                  {zones.map((z) => (
                    <option key={z} value={z}>
                      {z}
                    </option>
                  ))}
                </select>
              ) : (
                <input id="timezone" value={zone} maxLength={LIMITS.timezone} onInput={(e) => setZone(e.currentTarget.value)} aria-describedby="timezone-hint" />
              )}
            </div>
            <button type="submit" class="primary">
              Save time zone
            </button>
          </div>
          <p class="hint" id="timezone-hint">
            {settings.timezoneSource === 'dashboard' ? 'Set here in the dashboard.' : 'Until you save one here, the server’s TIMEZONE setting decides.'} Everyone sees the same story on
            the same day in this zone.
          </p>
        </>
      )}
      {error && (
        <Alert message={error.message}>
          {error.conflict && (
            <button type="button" class="secondary" onClick={() => void load()}>
              Load the latest (your choice stays)
            </button>
          )}
        </Alert>
      )}
      <Saved message={saved} />
    </form>
  );
}
