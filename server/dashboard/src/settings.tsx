import { LIMITS } from '@customer-chair/shared/schemas/limits';
import type { DepartmentRecord } from '@customer-chair/shared/schemas/department-record';
import type { Settings as SettingsData } from '@customer-chair/shared/schemas/settings';
import { useEffect, useState } from 'preact/hooks';
import { admin, ApiFailure, failureMessage, isConflict } from './api';
import { Alert, Saved } from './alert';
import { issuesByField, TextField } from './text-field';

/** Every zone the browser knows; the server validates the choice again. */
const ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** The company's time zone, and its departments with their headcount. */
export function Settings({ onExpired }: { onExpired: () => void }) {
  const [departments, setDepartments] = useState<DepartmentRecord[]>();
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const reload = () => setAttempt((n) => n + 1);

  useEffect(() => {
    admin.departments().then(
      (list) => (setDepartments(list.departments), setError(undefined)),
      (failure) => setError(failureMessage(failure, onExpired)),
    );
  }, [attempt]);

  return (
    <main class="content-page">
      <div class="heading">
        <h1>Settings</h1>
      </div>
      <TimezoneForm onExpired={onExpired} />
      <section class="settings-block" aria-labelledby="departments-title">
        <h2 id="departments-title">Departments</h2>
        <p class="note">Employees choose their department on the first new tab. The headcount turns active installs into adoption %.</p>
        {error && <Alert message={error} />}
        {departments && (
          <div class="stack">
            {departments.map((d) => (
              <DepartmentForm key={d.id} department={d} onChanged={reload} onExpired={onExpired} />
            ))}
            <DepartmentForm key={`new-${departments.length}`} onChanged={reload} onExpired={onExpired} />
          </div>
        )}
      </section>
    </main>
  );
}

function TimezoneForm({ onExpired }: { onExpired: () => void }) {
  const [settings, setSettings] = useState<SettingsData>();
  const [zone, setZone] = useState('');
  const [error, setError] = useState<{ message: string; conflict: boolean }>();
  const [saved, setSaved] = useState<string>();

  const load = () =>
    admin.settings().then(
      (s) => (setSettings(s), setZone((z) => z || s.timezone), setError(undefined)),
      (failure) => setError({ message: failureMessage(failure, onExpired), conflict: false }),
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
      setError({ message: failureMessage(failure, onExpired), conflict: isConflict(failure) });
    }
  }

  const zones = settings && !ZONES.includes(settings.timezone) ? [settings.timezone, ...ZONES] : ZONES;
  return (
    <form class="panel item-form settings-block" aria-labelledby="timezone-title" onSubmit={save}>
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

function DepartmentForm({ department, onChanged, onExpired }: { department?: DepartmentRecord; onChanged: () => void; onExpired: () => void }) {
  const [record, setRecord] = useState(department);
  const [name, setName] = useState(department?.name ?? '');
  const [headcount, setHeadcount] = useState(department?.headcount ? String(department.headcount) : '');
  const [error, setError] = useState<{ message: string; conflict: boolean }>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string>();
  const prefix = department ? `department-${department.id}` : 'department-new';

  async function run(action: () => Promise<DepartmentRecord | void>, done: string) {
    setSaved(undefined);
    try {
      const result = await action();
      setError(undefined);
      setFieldErrors({});
      setSaved(done);
      if (result && department) setRecord(result);
      else onChanged();
    } catch (failure) {
      setError({ message: failureMessage(failure, onExpired), conflict: isConflict(failure) });
      setFieldErrors(failure instanceof ApiFailure ? issuesByField(failure.issues) : {});
    }
  }

  const count = headcount.trim() === '' ? null : Number(headcount);
  return (
    <form
      class="panel item-form department"
      aria-label={department ? `Department: ${department.name}` : 'New department'}
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          () => (record ? admin.saveDepartment(record.id, { name, headcount: count, revision: record.revision }) : admin.createDepartment({ name, headcount: count })),
          record ? 'Saved.' : 'Department added.',
        );
      }}
    >
      {!department && <h3>Add a department</h3>}
      <div class="row">
        <TextField id={`${prefix}-name`} label="Name" value={name} onInput={setName} max={LIMITS.departmentName} required error={fieldErrors.name} />
        <TextField id={`${prefix}-headcount`} label="Headcount" type="number" value={headcount} onInput={setHeadcount} error={fieldErrors.headcount} />
        <div class="form-actions">
          <button type="submit" class="primary">
            {department ? 'Save' : 'Add department'}
          </button>
          {record && (
            <button
              type="button"
              class="secondary danger"
              onClick={() => confirm(`Delete the department “${record.name}”?`) && void run(() => admin.deleteDepartment(record.id, record.revision), 'Deleted.')}
            >
              Delete
            </button>
          )}
        </div>
      </div>
      {error && (
        <Alert message={error.message}>
          {error.conflict && (
            <button type="button" class="secondary" onClick={onChanged}>
              Reload the departments
            </button>
          )}
        </Alert>
      )}
      <Saved message={saved} />
    </form>
  );
}
