import { moveItem } from '@customer-chair/shared/domain/move-item';
import { LIMITS } from '@customer-chair/shared/schemas/limits';
import type { RoleRecord } from '@customer-chair/shared/schemas/role-record';
import { useEffect, useRef, useState } from 'preact/hooks';
import { admin, failureMessage, isConflict } from './api';
import { Alert, Saved } from './alert';
import { TextField } from './text-field';

/** An action being edited; `key` stays with it while it moves, so focus and typing follow it. */
type Draft = { key: string; id?: string; text: string };
let nextKey = 0;
const draftsOf = (actions: { id: string; text: string }[]): Draft[] => actions.map((a) => ({ key: `k${nextKey++}`, id: a.id, text: a.text }));
const blank = (): Draft => ({ key: `k${nextKey++}`, text: '' });

/** Roles and their 3–5 customer-impact actions, in the order the new tab lists them. */
export function Roles({ onExpired }: { onExpired: () => void }) {
  const [roles, setRoles] = useState<RoleRecord[]>();
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const reload = () => setAttempt((n) => n + 1);

  useEffect(() => {
    admin.roles().then(
      (list) => (setRoles(list.roles), setError(undefined)),
      (failure) => setError(failureMessage(failure, onExpired)),
    );
  }, [attempt]);

  return (
    <main class="content-page">
      <div class="heading">
        <h1>Roles &amp; actions</h1>
      </div>
      <p class="note">
        Every employee picks a role; the new tab offers that role’s {LIMITS.actionsPerRoleMin}–{LIMITS.actionsPerRoleMax} actions, in this order, with “I did this”.
      </p>
      {error && <Alert message={error} />}
      {!roles ? (
        !error && <p class="loading" role="status">Loading the roles…</p>
      ) : (
        <div class="stack">
          {roles.map((role) => (
            <RoleEditor key={`${role.id}-${attempt}`} role={role} onChanged={reload} onExpired={onExpired} />
          ))}
          <RoleEditor key={`new-${attempt}`} onChanged={reload} onExpired={onExpired} />
        </div>
      )}
    </main>
  );
}

function RoleEditor({ role, onChanged, onExpired }: { role?: RoleRecord; onChanged: () => void; onExpired: () => void }) {
  const [record, setRecord] = useState(role);
  const [name, setName] = useState(role?.name ?? '');
  const [actions, setActions] = useState<Draft[]>(role ? draftsOf(role.actions) : [blank(), blank(), blank()]);
  const [error, setError] = useState<{ message: string; conflict: boolean }>();
  const [saved, setSaved] = useState<string>();
  const [focus, setFocus] = useState<string>();
  const box = useRef<HTMLFormElement>(null);
  const prefix = role ? `role-${role.id}` : 'role-new';

  // After a move, the button pressed follows its action, so the keyboard can keep moving it.
  useEffect(() => {
    if (!focus) return;
    const target = box.current?.querySelector<HTMLButtonElement>(`[data-focus="${focus}"]`);
    (target && !target.disabled ? target : box.current?.querySelector<HTMLButtonElement>(`[data-focus^="${focus.split(':')[0]}:"]:not(:disabled)`))?.focus();
    setFocus(undefined);
  }, [focus]);

  const move = (index: number, by: number) => {
    const key = actions[index]!.key;
    setActions((list) => moveItem(list, index, by));
    setFocus(`${key}:${by < 0 ? 'up' : 'down'}`);
    setSaved(undefined);
  };

  async function run(action: () => Promise<RoleRecord | void>, done: string) {
    setSaved(undefined);
    try {
      const result = await action();
      setError(undefined);
      setSaved(done);
      if (result && role) setRecord(result);
      if (!role || !result) onChanged();
    } catch (failure) {
      setError({ message: failureMessage(failure, onExpired), conflict: isConflict(failure) });
    }
  }

  /** After a conflict: the newer revision, so the next save may go on it; the form stays as typed. */
  async function loadLatest() {
    try {
      const latest = (await admin.roles()).roles.find((r) => r.id === record?.id);
      if (!latest) return onChanged();
      setRecord(latest);
      setError(undefined);
      setSaved(`Revision ${latest.revision} loaded (name “${latest.name}”; ${latest.actions.map((a) => a.text).join(' · ')}). Your edits are still here: save to keep them.`);
    } catch (failure) {
      setError({ message: failureMessage(failure, onExpired), conflict: false });
    }
  }

  const list = actions.map(({ id, text }) => (id ? { id, text } : { text }));
  const saveAll = () =>
    run(async () => {
      if (!record) return admin.createRole({ name, actions: list });
      let current = record;
      if (name !== current.name) current = await admin.renameRole(current.id, { name, revision: current.revision });
      // Rename and actions share one revision: the actions go on the one the rename made.
      current = await admin.saveActions(current.id, { actions: list, revision: current.revision });
      setActions(draftsOf(current.actions));
      return current;
    }, role ? 'Saved. Extensions get the new order at their next sync.' : 'Role added.');

  return (
    <form
      ref={box}
      class="panel item-form role"
      aria-label={role ? `Role: ${role.name}` : 'New role'}
      onSubmit={(e) => {
        e.preventDefault();
        void saveAll();
      }}
    >
      {!role && <h2>Add a role</h2>}
      <TextField id={`${prefix}-name`} label="Role name" value={name} onInput={setName} max={LIMITS.roleName} required />
      <fieldset class="actions-field">
        <legend>Actions, in order</legend>
        <ol class="action-list">
          {actions.map((action, i) => (
            <li key={action.key}>
              <TextField
                id={`${prefix}-action-${action.key}`}
                label={`Action ${i + 1}`}
                value={action.text}
                max={LIMITS.actionText}
                required
                onInput={(text) => setActions((all) => all.map((a) => (a.key === action.key ? { ...a, text } : a)))}
              />
              <div class="move">
                <button type="button" class="secondary" data-focus={`${action.key}:up`} disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move action ${i + 1} up`}>
                  ↑ Up
                </button>
                <button type="button" class="secondary" data-focus={`${action.key}:down`} disabled={i === actions.length - 1} onClick={() => move(i, 1)} aria-label={`Move action ${i + 1} down`}>
                  ↓ Down
                </button>
                <button
                  type="button"
                  class="secondary danger"
                  disabled={actions.length <= LIMITS.actionsPerRoleMin}
                  onClick={() => setActions((all) => all.filter((a) => a.key !== action.key))}
                  aria-label={`Remove action ${i + 1}`}
                >
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ol>
        <button type="button" class="secondary" disabled={actions.length >= LIMITS.actionsPerRoleMax} onClick={() => setActions((all) => [...all, blank()])}>
          Add an action
        </button>
        <p class="hint">
          {LIMITS.actionsPerRoleMin} to {LIMITS.actionsPerRoleMax} actions. Moving or rewording an action keeps its counts; a removed action’s past counts stay in the stats.
        </p>
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="primary">
          {role ? 'Save role' : 'Add role'}
        </button>
        {record && (
          <button
            type="button"
            class="secondary danger"
            onClick={() => confirm(`Delete the role “${record.name}” and its actions?`) && void run(() => admin.deleteRole(record.id, record.revision), 'Deleted.')}
          >
            Delete role
          </button>
        )}
      </div>
      {error && (
        <Alert message={error.message}>
          {error.conflict && (
            <button type="button" class="secondary" onClick={loadLatest}>
              Load the latest revision (your edits stay)
            </button>
          )}
        </Alert>
      )}
      <Saved message={saved} />
    </form>
  );
}
