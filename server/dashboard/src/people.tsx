import type { PersonRecord } from '@customer-chair/shared/schemas/person';
import { useState } from 'preact/hooks';
import { admin, api, failureMessage } from './api';
import { Alert } from './alert';
import { Saved } from './saved';
import { PersonRow, personName } from './person-row';
import { useLoad } from './use-load';
import { BusyButton } from './busy-button';

/**
 * Everyone who signed in with the company's provider (or tried to, and was
 * refused for having no role): what they may do and why, roles granted on
 * top of their groups, and the department that keeps a judge from their own
 * department's entries.
 */
export function People() {
  const loaded = useLoad(async () => {
    const [list, known] = await Promise.all([admin.people(), admin.departments()]);
    return { people: list.people, departments: known.departments };
  }, []);
  const people = loaded.data?.people;
  const departments = loaded.data?.departments ?? [];
  const setPeople = (change: (list: PersonRecord[]) => PersonRecord[]) => loaded.setData((old) => old && { ...old, people: change(old.people) });
  const options = useLoad(() => api.signInOptions(), []);
  const provider = options.data ? options.data.providerName : options.error ? null : undefined;
  const [failed, setError] = useState<string>();
  const error = failed ?? loaded.error;
  const [status, setStatus] = useState<string>();
  const busy = loaded.loading;
  const load = () => (setError(undefined), loaded.reload());

  /** A change to one person; the server answers with their record as it now is. */
  async function change(person: PersonRecord, action: () => Promise<PersonRecord>, done: (record: PersonRecord) => string) {
    setStatus(undefined);
    try {
      const record = await action();
      setPeople((list) => list.map((p) => (p.id === record.id ? record : p)));
      setError(undefined);
      setStatus(done(record));
    } catch (failure) {
      setError(`${personName(person)}: ${failureMessage(failure)}`);
    }
  }

  const providerName = provider ?? 'the company’s provider';
  return (
    <main class="content-page people">
      <div class="heading">
        <h1>People</h1>
        <BusyButton class="secondary" busy={busy} onClick={() => void load()}>
          Refresh
        </BusyButton>
      </div>
      <p class="note">
        Everyone who signed in with {providerName}. Their groups there give a role (the server’s OIDC_ROLE_GROUPS); a role granted here comes on top, and the
        strongest one counts — from their next request on. A judge does not see their own department’s entries: it comes from the provider unless you set it here.
      </p>
      {error && <Alert message={error} />}
      <Saved message={status} />
      {!people ? (
        !error && <p class="loading" role="status">Loading the people…</p>
      ) : people.length === 0 ? (
        <section class="empty" aria-labelledby="people-empty-title">
          <h2 id="people-empty-title">Nobody has signed in with {providerName} yet</h2>
          {provider === null ? (
            <p>
              Company sign-in is not set up on this server. The README’s section <em>“Company sign-in (OpenID Connect)”</em> says how: OIDC_ISSUER, OIDC_CLIENT_ID,
              OIDC_CLIENT_SECRET and OIDC_REDIRECT_URL, and OIDC_ROLE_GROUPS for who gets which role.
            </p>
          ) : (
            <p>
              People appear here after their first “Sign in with {providerName}” — those refused for having no role too, so that you can grant them one.
            </p>
          )}
        </section>
      ) : (
        <div class="table-wrap">
          <table class="figures compact people-list">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Role now, and why</th>
                <th scope="col">Grant a role</th>
                <th scope="col">Department (conflicts of interest)</th>
                <th scope="col">Last sign-in</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <PersonRow
                  key={person.id}
                  person={person}
                  departments={departments}
                  providerName={providerName}
                  onGrant={(role) => change(person, () => admin.grantRole(person.id, role), (p) => `${personName(p)} may now act as ${role}.`)}
                  onRevoke={(role) => change(person, () => admin.revokeRole(person.id, role), (p) => `${personName(p)}’s ${role} grant is revoked; their role now: ${p.role ?? 'none'}.`)}
                  onDepartment={(department) =>
                    change(
                      person,
                      () => admin.setPersonDepartment(person.id, department),
                      (p) => (department === null ? `${personName(p)}’s department follows ${providerName} again.` : `${personName(p)}’s department is set.`),
                    )
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
