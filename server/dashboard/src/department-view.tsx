import type { DashboardOverview } from '@customer-chair/shared/schemas/dashboard-overview';
import { useEffect, useMemo } from 'preact/hooks';
import { api } from './api';
import { useLoad } from './use-load';
import { departmentCsv } from './department-csv';
import { count, counted, percent, period } from './format';
import type { Range } from './range';
import { Bars } from './bars';

const SURFACE_NAMES: Record<string, string> = {
  newtab: 'New tab',
  popup: 'Toolbar popup',
  meet: 'Google Meet',
  zoom: 'Zoom',
  teams: 'Microsoft Teams',
  calendar: 'Google Calendar',
  outlook: 'Outlook',
  'context-menu': 'Context menu',
  other: 'Other surfaces (few users)',
};

type Props = { id: string; overview: DashboardOverview; range: Range; onBack: () => void };

/** One department in depth: who acts (by role), what, where, and which stories land. */
export function DepartmentView({ id, overview, range, onBack }: Props) {
  const { data: detail, error } = useLoad(() => api.department(id, range), [id, range.from, range.to]);
  const department = overview.departments.find((d) => d.id === id);
  const row = overview.stats.departments.find((d) => d.department === id);
  const name = department?.name ?? id;
  const names = useMemo(
    () => ({
      role: (role: string) => (role === 'other' ? 'Other roles (small groups)' : overview.roles.find((r) => r.id === role)?.name ?? role),
      action: (actionId: string) => overview.actions.find((a) => a.id === actionId)?.text ?? actionId,
      surface: (surface: string) => SURFACE_NAMES[surface] ?? surface,
      story: (storyId: string) => overview.stories.find((s) => s.id === storyId)?.title ?? storyId,
    }),
    [overview],
  );

  // The page builds this CSV from the API's answer, so it holds exactly the figures on screen.
  const csv = useMemo(() => (detail ? URL.createObjectURL(new Blob([departmentCsv(detail, names)], { type: 'text/csv;charset=utf-8' })) : undefined), [detail]);
  useEffect(() => () => csv && URL.revokeObjectURL(csv), [csv]);

  const roles = detail ? Object.entries(detail.actionsByRole).sort(([, a], [, b]) => b - a) : [];

  return (
    <main class="department">
      <button type="button" class="link back" onClick={onBack}>
        ← All departments
      </button>
      <div class="heading">
        <h1>
          {name} <span class="period">{period(range.from, range.to)}</span>
        </h1>
        {csv && (
          <div class="exports">
            <a class="button-link" href={csv} download={`customer-chair-${id}-${range.from}-to-${range.to}.csv`}>
              Export CSV
            </a>
          </div>
        )}
      </div>
      {row && (
        <section class="kpis" aria-label={`${name} at a glance`}>
          <div class="kpi">
            <span class="kpi-label">Weekly active installs</span>
            <span class="kpi-value">{count(row.activeInstalls)}</span>
            <span class="kpi-detail">{department?.headcount ? `${percent(row.activeInstalls / department.headcount)} of ${count(department.headcount)} people, on average` : 'on average; headcount not set'}</span>
          </div>
          <div class="kpi">
            <span class="kpi-label">Stories seen</span>
            <span class="kpi-value">{count(row.storyViews)}</span>
            <span class="kpi-detail">{count(row.storiesShared)} shared</span>
          </div>
          <div class="kpi">
            <span class="kpi-label">Brought into meetings</span>
            <span class="kpi-value">{count(row.promptsInserted + row.storiesInserted)}</span>
            <span class="kpi-detail">
              {counted(row.promptsInserted, 'question', 'questions')}, {counted(row.storiesInserted, 'story', 'stories')}
            </span>
          </div>
          <div class="kpi">
            <span class="kpi-label">Actions logged</span>
            <span class="kpi-value">{count(row.actionsTaken)}</span>
            <span class="kpi-detail">customer-impact actions done</span>
          </div>
        </section>
      )}
      {error && (
        <p class="failure" role="alert">
          {error}
        </p>
      )}
      {!detail && !error && (
        <p class="loading" role="status">
          Loading {name}…
        </p>
      )}
      {detail && (
        <div class="panels">
          <section class="panel">
            <h2>Actions logged, by role</h2>
            {roles.length === 0 ? (
              <p class="hint">No actions logged in this period yet.</p>
            ) : (
              <Bars items={roles.map(([role, n]) => ({ key: role, label: names.role(role), value: n }))} />
            )}
            <p class="hint" data-testid="roles-note">
              A role is named only when it had at least {detail.minGroupSize} active installs here in every week shown; the others are counted together as “Other roles”, always at least two roles and {detail.minGroupSize} installs (the smallest named role joins them when needed), so no one’s actions can be singled out.
            </p>
          </section>
          <section class="panel">
            <h2>Most-logged actions</h2>
            {detail.topActions.length === 0 ? (
              <p class="hint">No actions logged in this period yet.</p>
            ) : (
              <Bars items={detail.topActions.map((a) => ({ key: `${a.role}:${a.actionId}`, label: names.action(a.actionId), value: a.count }))} />
            )}
            <p class="hint">Only actions of the named roles that at least {detail.minGroupSize} installs logged in every week shown.</p>
          </section>
          <section class="panel wide">
            <h2>Where the customer showed up</h2>
            {detail.surfaces.length === 0 ? (
              <p class="hint">Nothing yet in this period.</p>
            ) : (
              <div class="table-wrap">
                <table class="figures compact">
                  <thead>
                    <tr>
                      <th scope="col">Surface</th>
                      <th scope="col" class="num">Stories seen</th>
                      <th scope="col" class="num">Questions shown</th>
                      <th scope="col" class="num">Questions inserted</th>
                      <th scope="col" class="num">Stories inserted</th>
                      <th scope="col" class="num">Stories shared</th>
                      <th scope="col" class="num">Actions logged</th>
                    </tr>
                  </thead>
                  <tbody>
                    {detail.surfaces.map((s) => (
                      <tr key={s.surface}>
                        <th scope="row">{names.surface(s.surface)}</th>
                        <td class="num">{count(s.storyViews)}</td>
                        <td class="num">{count(s.promptsShown)}</td>
                        <td class="num">{count(s.promptsInserted)}</td>
                        <td class="num">{count(s.storiesInserted)}</td>
                        <td class="num">{count(s.storiesShared)}</td>
                        <td class="num">{count(s.actionsTaken)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {detail.surfaces.some((s) => s.surface === 'other') && (
              <p class="hint" data-testid="surfaces-note">
                Surfaces that fewer than {detail.minGroupSize} installs used in some week are counted together as “Other surfaces” (with the smallest named one when needed), so nobody’s meeting tool gives them away.
              </p>
            )}
          </section>
          <section class="panel wide">
            <h2>Stories that drew the most engagement</h2>
            {detail.topStories.length === 0 ? (
              <p class="hint">No story was seen in this period yet.</p>
            ) : (
              <div class="table-wrap">
                <table class="figures compact stories">
                  <thead>
                    <tr>
                      <th scope="col">Story</th>
                      <th scope="col" class="num">Seen</th>
                      <th scope="col" class="num">Inserted in meetings</th>
                      <th scope="col" class="num">Shared</th>
                    </tr>
                  </thead>
                  <tbody>
                    {detail.topStories.map((s) => {
                      const story = overview.stories.find((candidate) => candidate.id === s.storyId);
                      return (
                        <tr key={s.storyId}>
                          <th scope="row">
                            <span class="story-title">{story?.title ?? s.storyId}</span>
                            {story && <span class="story-customer">{story.customer}</span>}
                          </th>
                          <td class="num">{count(s.views)}</td>
                          <td class="num">{count(s.inserted)}</td>
                          <td class="num">{count(s.shared)}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </div>
      )}
    </main>
  );
}
