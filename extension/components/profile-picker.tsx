import type { Department } from '@customer-chair/shared/schemas/department';
import type { Role } from '@customer-chair/shared/schemas/role';
import { useState } from 'preact/hooks';
import type { Profile } from '../lib/profile';

type Props = {
  departments: Department[];
  roles: Role[];
  profile: Profile;
  onSave: (choice: { department: string; role: string }) => void | Promise<void>;
  submitLabel?: string;
};

/** Department and role: two labelled selects; values IT set are shown locked. */
export function ProfilePicker({ departments, roles, profile, onSave, submitLabel = 'Show my customer day' }: Props) {
  const [department, setDepartment] = useState(profile.department ?? '');
  const [role, setRole] = useState(profile.role ?? '');
  const ready = department !== '' && role !== '';
  return (
    <form
      class="picker"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) void onSave({ department, role });
      }}
    >
      <div class="field">
        <label for="department">Your department</label>
        <select id="department" value={department} disabled={profile.locked.department} onChange={(e) => setDepartment(e.currentTarget.value)}>
          <option value="">Choose…</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        {profile.locked.department && <p class="hint">Set by your IT department.</p>}
      </div>
      <div class="field">
        <label for="role">Your role</label>
        <select id="role" value={role} disabled={profile.locked.role} onChange={(e) => setRole(e.currentTarget.value)}>
          <option value="">Choose…</option>
          {roles.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        {profile.locked.role && <p class="hint">Set by your IT department.</p>}
      </div>
      <button type="submit" class="primary" disabled={!ready}>
        {submitLabel}
      </button>
    </form>
  );
}
