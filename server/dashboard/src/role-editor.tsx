import { moveItem } from '@customer-chair/shared/domain/move-item';
import { LIMITS } from '@customer-chair/shared/schemas/limits';
import type { RoleRecord } from '@customer-chair/shared/schemas/role-record';
import { useEffect, useRef, useState } from 'preact/hooks';
import { admin, failureMessage, isConflict } from './api';
import { Alert } from './alert';
import { Saved } from './saved';
import { TextField } from './text-field';

/** An action being edited; `key` stays with it while it moves, so focus and typing follow it. */
type Draft = { key: string; id?: string; text: string };
let nextKey = 0;
const draftsOf = (actions: { id: string; text: string }[]): Draft[] => actions.map((a) => ({ key: `k${nextKey++}`, id: a.id, text: a.text }));
const blank = (): Draft => ({ key: `k${nextKey++}`, text: '' });

type EditorProps = {
  role?: RoleRecord;
  onDirty: (dirty: boolean) => void;
  onCancel: () => void;
  onSaved: (record: RoleRecord) => void;
  onCreated: (record: RoleRecord) => void;
  onDeleted: (record: RoleRecord) => void;
  /** The role is gone on the server. */
  onMissing: () => void;
};

/** One role's name and ordered actions (or a new role); a stale save offers the latest revision and keeps the edits. */
export function RoleEditor({ role, onDirty, onCancel, onSaved, onCreated, onDeleted, onMissing }: EditorProps) {
  const [record, setRecord] = useState(role);
  const [name, setName] = useState(role?.name ?? '');
  const [actions, setActions] = useState<Draft[]>(role ? draftsOf(role.actions) : [blank(), blank(), blank()]);
  const [error, setError] = useState<{ message: string; conflict: boolean }>();
  const [saved, setSaved] = useState<string>();
  const [focus, setFocus] = useState<string>();
  const box = useRef<HTMLFormElement>(null);
  const prefix = role ? `role-${role.id}` : 'role-new';

  const list = actions.map(({ id, text }) => (id ? { id, text } : { text }));
  const dirty = record
    ? name !== record.name || JSON.stringify(list) !== JSON.stringify(record.actions.map(({ id, text }) => ({ id, text })))
    : name !== '' || actions.some((a) => a.text !== '');
  useEffect(() => onDirty(dirty), [dirty]);

  // Opening the form takes the keyboard into it.
  useEffect(() => box.current?.querySelector<HTMLInputElement>('input')?.focus(), []);

  // After a move, the button pressed follows its action, so the keyboard can keep moving it.
  useEffect(() => {
    if (!focus) return;
    const target = box.current?.querySelector<HTMLButtonElement>(`[data-focus="${focus}"]`);
    (target && !target.disabled ? target : box.current?.querySelector<HTMLButtonElement>(`[data-focus^="${focus.split(':')[0]}:"]:not(:disabled)`))?.focus();
    setFocus(undefined);
  }, [focus]);

  const move = (index: number, by: number) => {
    const key = actions[index]!.key;
    setActions((all) => moveItem(all, index, by));
    setFocus(`${key}:${by < 0 ? 'up' : 'down'}`);
    setSaved(undefined);
  };

  async function run(action: () => Promise<void>) {
    setSaved(undefined);
    try {
      await action();
      setError(undefined);
    } catch (failure) {
      setError({ message: failureMessage(failure), conflict: isConflict(failure) });
    }
  }

  /** After a conflict: the newer revision, so the next save may go on it; the form stays as typed. */
  async function loadLatest() {
    try {
      const latest = (await admin.roles()).roles.find((r) => r.id === record?.id);
      if (!latest) return onMissing();
      setRecord(latest);
      onSaved(latest);
      setError(undefined);
      setSaved(`Revision ${latest.revision} loaded (name “${latest.name}”; ${latest.actions.map((a) => a.text).join(' · ')}). Your edits are still here: save to keep them.`);
    } catch (failure) {
      setError({ message: failureMessage(failure), conflict: false });
    }
  }

  const saveAll = () =>
    run(async () => {
      if (!record) return onCreated(await admin.createRole({ name, actions: list }));
      let current = record;
      if (name !== current.name) {
        current = await admin.renameRole(current.id, { name, revision: current.revision });
        // Kept at once: should the actions fail, the next save goes on the rename's revision.
        setRecord(current);
        onSaved(current);
      }
      // Rename and actions share one revision: the actions go on the one the rename made.
      current = await admin.saveActions(current.id, { actions: list, revision: current.revision });
      setRecord(current);
      setActions(draftsOf(current.actions));
      onSaved(current);
      setSaved('Saved. Extensions get the new order at their next sync.');
    });

  return (
    <form
      ref={box}
      id={`${prefix}-form`}
      class="item-form role"
      aria-label={role ? `Role: ${role.name}` : 'New role'}
      onSubmit={(e) => {
        e.preventDefault();
        void saveAll();
      }}
      onKeyDown={(e) => e.key === 'Escape' && !dirty && onCancel()}
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
        <button type="button" class="secondary" onClick={onCancel}>
          {dirty ? 'Cancel' : 'Close'}
        </button>
        {record && (
          <button
            type="button"
            class="secondary danger push-end"
            onClick={() =>
              confirm(`Delete the role “${record.name}” and its actions?`) &&
              void run(async () => {
                await admin.deleteRole(record.id, record.revision);
                onDeleted(record);
              })
            }
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
