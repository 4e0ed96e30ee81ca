import type { AdminRole } from '@customer-chair/shared/schemas/admin-role';
import type { DepartmentRecord } from '@customer-chair/shared/schemas/department-record';
import type { PersonRecord } from '@customer-chair/shared/schemas/person';
import { useEffect, useState } from 'preact/hooks';
import { BusyButton } from './busy-button';

/** Strongest first, as the server weighs them. */
const ROLES = ['admin', 'judge', 'viewer'] as const satisfies readonly AdminRole[];

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
/** The table's column: short; the year and the first sign-in are in its tooltip. */
const lately = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

/** How the dashboard names a person: as the provider does, else their e-mail, else the provider's id for them. */
export const personName = (person: PersonRecord) => person.name ?? person.email ?? person.subject;

type Props = {
  person: PersonRecord;
  departments: DepartmentRecord[];
  providerName: string;
  onGrant: (role: AdminRole) => Promise<void>;
  onRevoke: (role: AdminRole) => Promise<void>;
  /** A department's id, or null to follow the provider's claim. */
  onDepartment: (department: string | null) => Promise<void>;
};

/** One person on the People page: who, what they may do and why, and the controls that change it. */
export function PersonRow({ person, departments, providerName, onGrant, onRevoke, onDepartment }: Props) {
  const [role, setRole] = useState<AdminRole | ''>('');
  const [department, setDepartment] = useState(person.setDepartment ?? '');
  const [busy, setBusy] = useState(false);
  useEffect(() => setDepartment(person.setDepartment ?? ''), [person.setDepartment]);

  const name = personName(person);
  const key = `person-${person.id}`;
  const grantable = ROLES.filter((r) => !person.grants.some((grant) => grant.role === r));
  // Once granted, a role leaves the list: the select goes back to its prompt rather than to nothing.
  const chosen = role !== '' && grantable.includes(role) ? role : '';
  const departmentName = (id: string) => departments.find((d) => d.id === id)?.name ?? id;
  // A set department since deleted still shows as what it is.
  const choices = person.setDepartment && !departments.some((d) => d.id === person.setDepartment) ? [...departments.map((d) => d.id), person.setDepartment] : departments.map((d) => d.id);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  }

  return (
    <tr class={person.role ? undefined : 'refused'}>
      <th scope="row">
        {name}
        {person.name && person.email && <span class="story-customer">{person.email}</span>}
      </th>
      <td>
        {person.role ? (
          <span class="role-badge">{person.role}</span>
        ) : (
          <span class="badge remove" title="They are refused at sign-in until a group or a grant gives them a role.">
            no access
          </span>
        )}
        <ul class="role-sources">
          <li>{person.groupRole ? `${person.groupRole} from their groups` : 'no role from their groups'}</li>
          {person.grants.map((grant) => (
            <li key={grant.role}>
              {grant.role} granted by {grant.grantedBy}, <time dateTime={grant.grantedAt}>{day.format(new Date(grant.grantedAt))}</time>{' '}
              <BusyButton class="link danger" busy={busy} aria-label={`Revoke ${name}’s ${grant.role} grant`} onClick={() => void run(() => onRevoke(grant.role))}>
                Revoke
              </BusyButton>
            </li>
          ))}
        </ul>
      </td>
      <td>
        {grantable.length === 0 ? (
          <span class="hint">Every role is granted.</span>
        ) : (
          <form
            class="row-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (chosen) void run(async () => (await onGrant(chosen), setRole('')));
            }}
          >
            <label class="visually-hidden" for={`${key}-grant`}>
              Role to grant {name}
            </label>
            <select id={`${key}-grant`} key={grantable.join()} value={chosen} onChange={(e) => setRole(e.currentTarget.value as AdminRole | '')}>
              <option value="">Choose a role…</option>
              {grantable.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            <BusyButton type="submit" class="secondary" busy={busy} disabled={!chosen}>
              Grant
            </BusyButton>
          </form>
        )}
      </td>
      <td>
        <form
          class="row-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => onDepartment(department === '' ? null : department));
          }}
        >
          <label class="visually-hidden" for={`${key}-department`}>
            Department of {name}
          </label>
          <select id={`${key}-department`} value={department} onChange={(e) => setDepartment(e.currentTarget.value)}>
            <option value="">
              Follow {providerName} ({person.claimedDepartment ? departmentName(person.claimedDepartment) : 'none sent'})
            </option>
            {choices.map((id) => (
              <option key={id} value={id}>
                {departmentName(id)}
              </option>
            ))}
          </select>
          <BusyButton type="submit" class="secondary" busy={busy} disabled={department === (person.setDepartment ?? '')}>
            Set
          </BusyButton>
        </form>
      </td>
      <td>
        <time dateTime={person.lastSignInAt} title={`${when.format(new Date(person.lastSignInAt))}; first signed in ${when.format(new Date(person.firstSignInAt))}`}>
          {lately.format(new Date(person.lastSignInAt))}
        </time>
        {person.signedIn && <span class="badge signed-in">signed in now</span>}
      </td>
    </tr>
  );
}
