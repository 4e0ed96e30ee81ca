import type { Department } from '@customer-chair/shared/schemas/department';
import type { Role } from '@customer-chair/shared/schemas/role';
import { useState } from 'preact/hooks';
import type { Profile } from '../lib/profile';
import { ChoiceSelect } from './choice-select';

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
      <ChoiceSelect id="department" label="Your department" value={department} choices={departments} locked={profile.locked.department} onChange={setDepartment} />
      <ChoiceSelect id="role" label="Your role" value={role} choices={roles} locked={profile.locked.role} onChange={setRole} />
      <button type="submit" class="primary" disabled={!ready}>
        {submitLabel}
      </button>
    </form>
  );
}
