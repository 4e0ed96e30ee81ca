import { LIMITS } from '@customer-chair/shared/schemas/limits';
import type { RoleRecord } from '@customer-chair/shared/schemas/role-record';
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { admin } from './api';
import { Alert } from './alert';
import { Saved } from './saved';
import { useLoad } from './use-load';
import { RoleEditor } from './role-editor';

/** Which form is open: a role's id, or this (not a valid id) for the new role. */
const NEW = ':new';

/**
 * Roles and their 3–5 customer-impact actions, in the order the new tab lists them.
 * One line per role; one form open at a time, so a dozen roles fit on a screen.
 */
export function Roles() {
  const { data, error, reload, setData } = useLoad(() => admin.roles(), []);
  const roles = data?.roles;
  const setRoles = (change: (list: RoleRecord[] | undefined) => RoleRecord[] | undefined) => setData((old) => old && { ...old, roles: change(old.roles) ?? [] });
  const [open, setOpen] = useState<string>();
  const [status, setStatus] = useState<string>();
  /** The button (`data-opens`) to focus once it is painted: where the keyboard was before the form opened. */
  const [focus, setFocus] = useState<string>();
  const dirty = useRef(false);
  const page = useRef<HTMLElement>(null);

  useEffect(() => {
    if (focus === undefined) return;
    const target = page.current?.querySelector<HTMLButtonElement>(`[data-opens="${CSS.escape(focus)}"]`);
    if (target) (target.focus(), setFocus(undefined));
  }, [focus, roles, open]);

  /** Unsaved edits are only dropped on purpose. */
  const mayLeave = () => !dirty.current || confirm('Discard your unsaved changes to this role?');
  const close = (then?: string) => {
    dirty.current = false;
    setFocus(then ?? open);
    setOpen(undefined);
  };
  const toggle = (id: string) => {
    if (!mayLeave()) return;
    setStatus(undefined);
    if (open === id) return close();
    dirty.current = false;
    setOpen(id);
  };
  const replace = (record: RoleRecord) => setRoles((list) => list?.map((r) => (r.id === record.id ? record : r)));

  const editor = (role?: RoleRecord) => (
    <RoleEditor
      key={role?.id ?? NEW}
      role={role}
      onDirty={(d) => (dirty.current = d)}
      onCancel={() => close()}
      onSaved={replace}
      onCreated={(record) => (setRoles((list) => [...(list ?? []), record]), setStatus(`Role “${record.name}” added.`), close(record.id))}
      onDeleted={(record) => (setRoles((list) => list?.filter((r) => r.id !== record.id)), setStatus(`Role “${record.name}” deleted.`), close(NEW))}
      onMissing={() => (close(NEW), setStatus('That role was deleted meanwhile; the list is reloaded.'), reload())}
     
    />
  );

  return (
    <main class="content-page" ref={page}>
      <div class="heading">
        <h1>Roles &amp; actions</h1>
        <button type="button" class="primary" data-opens={NEW} aria-expanded={open === NEW} onClick={() => toggle(NEW)}>
          Add a role
        </button>
      </div>
      <p class="note">
        Every employee picks a role; the new tab offers that role’s {LIMITS.actionsPerRoleMin}–{LIMITS.actionsPerRoleMax} actions, in this order, with “I did this”.
      </p>
      {error && <Alert message={error} />}
      <Saved message={status} />
      {open === NEW && <div class="new-role">{editor()}</div>}
      {!roles ? (
        !error && <p class="loading" role="status">Loading the roles…</p>
      ) : roles.length === 0 ? (
        <p class="empty-list">No roles yet: add the first one.</p>
      ) : (
        <div class="table-wrap">
          <table class="figures compact role-list">
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col" class="num">
                  Actions
                </th>
                <th scope="col">
                  <span class="visually-hidden">Edit</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {roles.map((role) => (
                <Fragment key={role.id}>
                  <tr class={open === role.id ? 'open' : undefined}>
                    <th scope="row">{role.name}</th>
                    <td class="num">{role.actions.length}</td>
                    <td class="row-actions">
                      <button
                        type="button"
                        class="secondary"
                        data-opens={role.id}
                        aria-expanded={open === role.id}
                        aria-controls={open === role.id ? `role-${role.id}-form` : undefined}
                        aria-label={`Edit “${role.name}”`}
                        onClick={() => toggle(role.id)}
                      >
                        Edit
                      </button>
                    </td>
                  </tr>
                  {open === role.id && (
                    <tr class="editing">
                      <td colSpan={3}>{editor(role)}</td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
