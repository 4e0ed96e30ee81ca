import { LIMITS } from '@customer-chair/shared/schemas/limits';
import type { DepartmentRecord } from '@customer-chair/shared/schemas/department-record';
import type { Settings as SettingsData } from '@customer-chair/shared/schemas/settings';
import { useEffect, useRef, useState } from 'preact/hooks';
import { admin, ApiFailure, failureMessage, isConflict } from './api';
import { Alert, Saved } from './alert';
import { issuesByField } from './text-field';
import { useLoad } from './use-load';

/** Every zone the browser knows; the server validates the choice again. */
const ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** The company's time zone, and its departments with their headcount: one table row each. */
export function Settings() {
  const { data, error, reload, setData } = useLoad(() => admin.departments(), []);
  const departments = data?.departments;
  const setDepartments = (change: (list: DepartmentRecord[] | undefined) => DepartmentRecord[] | undefined) =>
    setData((old) => old && { ...old, departments: change(old.departments) ?? [] });
  const [status, setStatus] = useState<string>();
  const title = useRef<HTMLHeadingElement>(null);

  const rowProps = {
    onReload: () => (setStatus(undefined), reload()),
    onAdded: (made: DepartmentRecord) => (setDepartments((list) => [...(list ?? []), made]), setStatus(`Department “${made.name}” added.`)),
    onDeleted: (gone: DepartmentRecord) => {
      setDepartments((list) => list?.filter((d) => d.id !== gone.id));
      setStatus(`Department “${gone.name}” deleted.`);
      // Its row, and the focus with it, is gone: start again from the table's title.
      title.current?.focus();
    },
  };

  return (
    <main class="content-page">
      <div class="heading">
        <h1>Settings</h1>
      </div>
      <TimezoneForm />
      <section class="settings-block" aria-labelledby="departments-title">
        <h2 id="departments-title" ref={title} tabIndex={-1}>
          Departments
        </h2>
        <p class="note">Employees choose their department on the first new tab. The headcount turns active installs into adoption %.</p>
        {error && <Alert message={error} />}
        <Saved message={status} />
        {departments && (
          <div class="table-wrap">
            <table class="figures compact department-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">
                    Headcount <span class="optional">(optional)</span>
                  </th>
                  <th scope="col">
                    <span class="visually-hidden">Save or delete</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {departments.map((d) => (
                  // A newer revision (after "Reload") starts the row afresh.
                  <DepartmentRow key={`${d.id}@${d.revision}`} department={d} {...rowProps} />
                ))}
              </tbody>
              <tfoot>
                <DepartmentRow key="new" {...rowProps} />
              </tfoot>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}

function TimezoneForm() {
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

type RowProps = {
  department?: DepartmentRecord;
  onAdded: (made: DepartmentRecord) => void;
  onDeleted: (gone: DepartmentRecord) => void;
  onReload: () => void;
};

/**
 * One department, edited in place. The inputs sit in their own cells and join the row's form
 * (in the last cell) by the `form` attribute, since a form cannot wrap a table row.
 */
function DepartmentRow({ department, onAdded, onDeleted, onReload }: RowProps) {
  const [record, setRecord] = useState(department);
  const [name, setName] = useState(department?.name ?? '');
  const [headcount, setHeadcount] = useState(department?.headcount ? String(department.headcount) : '');
  const [error, setError] = useState<{ message: string; conflict: boolean }>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string>();
  const nameInput = useRef<HTMLInputElement>(null);
  const prefix = department ? `department-${department.id}` : 'department-new';
  const form = `${prefix}-form`;
  // Named after the saved name, so a label does not change while its field is typed in.
  const called = record ? record.name : 'the new department';

  const count = headcount.trim() === '' ? null : Number(headcount);
  const changed = record ? name !== record.name || count !== (record.headcount ?? null) : name !== '' || headcount !== '';

  async function run(action: () => Promise<void>) {
    setSaved(undefined);
    try {
      await action();
      setError(undefined);
      setFieldErrors({});
    } catch (failure) {
      setError({ message: failureMessage(failure), conflict: isConflict(failure) });
      setFieldErrors(failure instanceof ApiFailure ? issuesByField(failure.issues) : {});
    }
  }

  const save = () =>
    run(async () => {
      if (record) {
        setRecord(await admin.saveDepartment(record.id, { name, headcount: count, revision: record.revision }));
        setSaved('Saved.');
        return;
      }
      onAdded(await admin.createDepartment({ name, headcount: count }));
      setName('');
      setHeadcount('');
      nameInput.current?.focus();
    });

  const described = (field: string) => (fieldErrors[field] ? `${prefix}-${field}-error` : undefined);
  return (
    <>
      <tr class={record ? undefined : 'add-row'}>
        <td>
          <input
            ref={nameInput}
            id={`${prefix}-name`}
            form={form}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
            required
            maxLength={LIMITS.departmentName}
            placeholder={record ? undefined : 'New department'}
            aria-label={`Name of ${called}`}
            aria-invalid={fieldErrors.name ? true : undefined}
            aria-describedby={described('name')}
          />
          {fieldErrors.name && (
            <p class="error" id={`${prefix}-name-error`}>
              {fieldErrors.name}
            </p>
          )}
        </td>
        <td class="headcount">
          <input
            id={`${prefix}-headcount`}
            form={form}
            type="number"
            value={headcount}
            onInput={(e) => setHeadcount(e.currentTarget.value)}
            aria-label={`Headcount of ${called}`}
            aria-invalid={fieldErrors.headcount ? true : undefined}
            aria-describedby={described('headcount')}
          />
          {fieldErrors.headcount && (
            <p class="error" id={`${prefix}-headcount-error`}>
              {fieldErrors.headcount}
            </p>
          )}
        </td>
        <td class="row-actions">
          <form
            id={form}
            class="row-form"
            aria-label={record ? `Department: ${record.name}` : 'New department'}
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <Saved message={saved} />
            <button type="submit" class={changed ? 'primary' : 'secondary'} aria-label={record ? `Save ${record.name}` : undefined}>
              {record ? 'Save' : 'Add department'}
            </button>
            {record && (
              <button
                type="button"
                class="secondary danger"
                aria-label={`Delete ${record.name}`}
                onClick={() =>
                  confirm(`Delete the department “${record.name}”?`) &&
                  void run(async () => {
                    await admin.deleteDepartment(record.id, record.revision);
                    onDeleted(record);
                  })
                }
              >
                Delete
              </button>
            )}
          </form>
        </td>
      </tr>
      {error && (
        <tr class="row-alert">
          <td colSpan={3}>
            <Alert message={error.message}>
              {error.conflict && (
                <button type="button" class="secondary" onClick={onReload}>
                  Reload the departments
                </button>
              )}
            </Alert>
          </td>
        </tr>
      )}
    </>
  );
}
