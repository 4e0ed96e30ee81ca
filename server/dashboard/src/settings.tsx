import type { DepartmentRecord } from '@customer-chair/shared/schemas/department-record';
import { useRef, useState } from 'preact/hooks';
import { admin } from './api';
import { Alert } from './alert';
import { Saved } from './saved';
import { useLoad } from './use-load';
import { TimezoneForm } from './timezone-form';
import { DepartmentRow } from './department-row';

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
