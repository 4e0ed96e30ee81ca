import { LIMITS } from '@customer-chair/shared/schemas/limits';
import type { DepartmentRecord } from '@customer-chair/shared/schemas/department-record';
import { useRef, useState } from 'preact/hooks';
import { admin, ApiFailure, failureMessage, isConflict } from './api';
import { Alert } from './alert';
import { Saved } from './saved';
import { issuesByField } from './text-field';

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
export function DepartmentRow({ department, onAdded, onDeleted, onReload }: RowProps) {
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
