import type { DashboardOverview } from '@customer-chair/shared/schemas/dashboard-overview';
import type { DepartmentDetail } from '@customer-chair/shared/schemas/department-detail';
import { useEffect, useState } from 'preact/hooks';
import { api, isExpired } from './api';
import type { Range } from './range';

const SURFACE_NAMES: Record<string, string> = {
  newtab: 'New tab',
  popup: 'Toolbar popup',
  meet: 'Google Meet',
  zoom: 'Zoom',
  teams: 'Microsoft Teams',
  calendar: 'Google Calendar',
  outlook: 'Outlook',
  'context-menu': 'Context menu',
};

type Props = { id: string; overview: DashboardOverview; range: Range; onBack: () => void; onExpired: () => void };

/** One department in depth: who acts (by role), what, where, and which stories land. */
export function DepartmentView({ id, overview, range, onBack, onExpired }: Props) {
  const [detail, setDetail] = useState<DepartmentDetail>();
  const [error, setError] = useState<string>();
  const name = overview.departments.find((d) => d.id === id)?.name ?? id;
  const roleName = (role: string) => (role === 'other' ? 'Other roles (small groups)' : overview.roles.find((r) => r.id === role)?.name ?? role);
  const actionText = (actionId: string) => overview.actions.find((a) => a.id === actionId)?.text ?? actionId;
  const story = (storyId: string) => overview.stories.find((s) => s.id === storyId);

  useEffect(() => {
    api.department(id, range.from, range.to).then(setDetail, (failure) => {
      if (isExpired(failure)) onExpired();
      setError((failure as Error).message);
    });
  }, [id, range.from, range.to]);

  return (
    <main class="department">
      <button type="button" class="link back" onClick={onBack}>← All departments</button>
      <h1>
        {name} <span class="period">{range.from} to {range.to}</span>
      </h1>
      {error && <p class="error" role="alert">{error}</p>}
      {!detail && !error && <p class="loading" role="status">Loading…</p>}
      {detail && (
        <div class="panels">
          <section class="panel">
            <h2>Actions logged, by role</h2>
            <table class="figures compact">
              <tbody>
                {Object.entries(detail.actionsByRole)
                  .sort(([, a], [, b]) => b - a)
                  .map(([role, n]) => (
                    <tr key={role}>
                      <th scope="row">{roleName(role)}</th>
                      <td class="num">{n}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
            {Object.keys(detail.actionsByRole).length === 0 && <p class="hint">No actions logged yet in this period.</p>}
            <p class="hint">Roles with fewer than {detail.minGroupSize} active installs are counted together.</p>
          </section>
          <section class="panel">
            <h2>Most-logged actions</h2>
            <ol class="ranked">
              {detail.topActions.map((a) => (
                <li key={a.actionId}>
                  <span>{actionText(a.actionId)}</span>
                  <span class="num">{a.count}</span>
                </li>
              ))}
            </ol>
          </section>
          <section class="panel">
            <h2>Where the customer showed up</h2>
            <table class="figures compact">
              <thead>
                <tr>
                  <th scope="col">Surface</th>
                  <th scope="col" class="num">Stories seen</th>
                  <th scope="col" class="num">Questions inserted</th>
                  <th scope="col" class="num">Stories inserted</th>
                  <th scope="col" class="num">Actions</th>
                </tr>
              </thead>
              <tbody>
                {detail.surfaces.map((s) => (
                  <tr key={s.surface}>
                    <th scope="row">{SURFACE_NAMES[s.surface] ?? s.surface}</th>
                    <td class="num">{s.storyViews}</td>
                    <td class="num">{s.promptsInserted}</td>
                    <td class="num">{s.storiesInserted}</td>
                    <td class="num">{s.actionsTaken}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section class="panel">
            <h2>Stories that drew the most engagement</h2>
            <ol class="ranked">
              {detail.topStories.map((s) => (
                <li key={s.storyId}>
                  <span>
                    {story(s.storyId)?.title ?? s.storyId}
                    <span class="hint"> — {s.views} seen, {s.inserted} inserted, {s.shared} shared</span>
                  </span>
                </li>
              ))}
            </ol>
          </section>
        </div>
      )}
    </main>
  );
}
