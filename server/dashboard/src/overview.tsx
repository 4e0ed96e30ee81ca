import { addDays, weekStart } from '@customer-chair/shared/domain/local-day';
import type { DashboardOverview } from '@customer-chair/shared/schemas/dashboard-overview';
import type { Counters } from '@customer-chair/shared/schemas/stats';
import { useRef, useState } from 'preact/hooks';
import { adoptionPath, periodOf, rangeOf, type AdoptionView } from './adoption-route';
import { api, csvUrl } from './api';
import { DepartmentView } from './department-view';
import { EmptyState } from './empty-state';
import { ListeningTable } from './listening-table';
import { NewInstalls } from './new-installs';
import { count, counted, percent, period } from './format';
import { TrendChart } from './trend-chart';
import { go } from './nav';
import { useLoad } from './use-load';
import { Kpi } from './kpi';
import { FiguresFailure } from './figures-failure';
import { PeriodPicker } from './period-picker';

type Column = { key: keyof Counters | 'adoption'; label: string; hint: string };
const COLUMNS: Column[] = [
  { key: 'activeInstalls', label: 'Weekly active installs', hint: 'Browsers with the extension that did anything in a week, on average over the weeks shown' },
  { key: 'adoption', label: 'Adoption', hint: 'Weekly active installs against the department’s headcount' },
  { key: 'storyViews', label: 'Stories seen', hint: 'Customer stories seen on new tabs and in the popup' },
  { key: 'promptsShown', label: 'Questions shown', hint: 'Customer-chair questions shown' },
  { key: 'promptsInserted', label: 'Questions inserted', hint: 'Questions inserted into meetings (agenda, description or chat)' },
  { key: 'storiesInserted', label: 'Stories inserted', hint: 'Stories inserted into meetings' },
  { key: 'storiesShared', label: 'Stories shared', hint: 'Stories copied or shared' },
  { key: 'actionsTaken', label: 'Actions logged', hint: 'Customer-impact actions people marked as done' },
];
type SortKey = Column['key'] | 'name';
type Row = Counters & { id: string; name: string; adoption: number | null };

/** Adoption by department for a period: the company on top, one row per department, trends below. The period and the department opened are in the address. */
export function Overview({ view }: { view: AdoptionView }) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'activeInstalls', descending: true });
  // The server's default period (the last four whole weeks, up to the company's this Monday) also tells the company's today, which presets count from.
  const base = useLoad(() => api.overview(), []);
  const today = base.data && addDays(base.data.stats.to, 1);
  const range = today ? rangeOf(view.period, today) : undefined;
  const isBase = !!range && range.from === base.data!.stats.from && range.to === base.data!.stats.to;
  const chosen = useLoad(() => api.overview(range), [range?.from, range?.to], { when: !!range && !isBase });
  const current = isBase ? base : chosen;
  // While another period loads, the last one stays on screen (marked stale); on a first visit there is none yet.
  const last = useRef<DashboardOverview | undefined>(undefined);
  if (current.data && (isBase || !chosen.loading)) last.current = current.data;
  const data = last.current;
  const loading = base.loading || current.loading;
  const error = base.error ?? current.error;
  const retry = () => (base.error ? base.reload() : current.reload());
  const open = (change: Partial<AdoptionView>) => go(adoptionPath({ ...view, ...change }));

  if (!data || !range || !today) {
    if (error) return <FiguresFailure message={error} onRetry={retry} />;
    return <p class="loading" role="status">Loading the figures…</p>;
  }
  if (view.department) {
    return <DepartmentView id={view.department} overview={data} range={range} onBack={() => open({ department: undefined })} />;
  }

  const { stats } = data;
  const names = new Map(data.departments.map((d) => [d.id, d]));
  // Every department the stats do not name is shown the same way, whatever the reason (too few
  // installs in some week, folded to protect a smaller one, or no activity): telling them apart
  // would tell which are small.
  const named = new Set(stats.departments.map((d) => d.department));
  const unnamed = data.departments.filter((d) => !named.has(d.id)).sort((a, b) => a.name.localeCompare(b.name));
  const rows: Row[] = stats.departments.map((d) => {
    const headcount = names.get(d.department)?.headcount;
    return { ...d, id: d.department, name: names.get(d.department)?.name ?? d.department, adoption: headcount ? d.activeInstalls / headcount : null };
  });
  const sorted = [...rows].sort((a, b) => {
    const av = a[sort.key];
    const bv = b[sort.key];
    const order = typeof av === 'string' || typeof bv === 'string' ? String(av).localeCompare(String(bv)) : (av ?? -1) - (bv ?? -1);
    return sort.descending ? -order : order;
  });
  // Company adoption only when every department's headcount is known; a partial sum would flatter it.
  const headcount = data.departments.length > 0 && data.departments.every((d) => d.headcount) ? data.departments.reduce((sum, d) => sum + (d.headcount ?? 0), 0) : 0;
  const companyAdoption = headcount ? stats.total.activeInstalls / headcount : null;
  const chooseSort = (key: SortKey) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : key !== 'name' }));
  const ariaSort = (key: SortKey) => (sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined);
  const shown = { from: stats.from, to: stats.to };

  return (
    <main class="overview" aria-busy={loading}>
      <PeriodPicker range={range} today={today} onChange={(chosen) => open({ period: periodOf(chosen) })} />

      <div class="heading">
        <h1>
          Adoption by department{' '}
          <span class="period">
            {stats.weeks > 0 ? `${period(stats.from, stats.to)} · ${counted(stats.weeks, 'whole week', 'whole weeks')}` : period(stats.requested.from, stats.requested.to)} · {stats.timezone}
          </span>
        </h1>
        {stats.total.activeInstalls > 0 && (
          <div class="exports">
            <a class="button-link" href={csvUrl(shown, 'departments')} download>Export CSV</a>
            <a class="button-link" href={csvUrl(shown, 'weekly')} download>Export weekly CSV</a>
          </div>
        )}
      </div>
      {loading && <p class="updating" role="status">Updating…</p>}
      {error && <FiguresFailure message={error} onRetry={retry} />}

      {stats.weeks > 0 && (stats.requested.from !== stats.from || stats.requested.to !== stats.to) && (
        <p class="note period-note" data-testid="weeks-note">
          Figures are made of whole weeks (Monday to Sunday) that have finished, so that no two periods can be compared to single out a day or a person: you asked for {period(stats.requested.from, stats.requested.to)}.
        </p>
      )}
      {stats.withheldWeeks.length > 0 && (
        <p class="note" data-testid="withheld-note">
          {counted(stats.withheldWeeks.length, 'week is', 'weeks are')} left out of every figure, the company total included: fewer than {stats.minGroupSize} installs were active in the whole company then ({stats.withheldWeeks.map((w) => period(w, addDays(w, 6))).join('; ')}).
        </p>
      )}

      <NewInstalls />
      {stats.weeks === 0 ? (
        <div class="empty" role="status" data-testid="no-whole-week">
          <h2>No whole week has finished in this period yet</h2>
          <p>
            Figures are shown by whole weeks, Monday to Sunday, once a week has ended, so that nobody’s activity on a single day can be worked out. This week’s figures appear on {period(addDays(weekStart(today), 7), addDays(weekStart(today), 7))}.
          </p>
        </div>
      ) : stats.total.activeInstalls === 0 ? (
        <EmptyState />
      ) : (
        <div class={loading || error ? 'stale' : undefined}>
          <section class="kpis" aria-label="The whole company at a glance">
            <Kpi label="Weekly active installs" value={count(stats.total.activeInstalls)} detail={companyAdoption === null ? 'on average, across the company' : `${percent(companyAdoption)} of ${count(headcount)} people, on average`} />
            <Kpi label="Stories seen" value={count(stats.total.storyViews)} detail={`${count(stats.total.storiesShared)} shared`} />
            <Kpi label="Brought into meetings" value={count(stats.total.promptsInserted + stats.total.storiesInserted)} detail={`${counted(stats.total.promptsInserted, 'question', 'questions')}, ${counted(stats.total.storiesInserted, 'story', 'stories')}`} />
            <Kpi label="Actions logged" value={count(stats.total.actionsTaken)} detail="customer-impact actions done" />
          </section>

          <div class="table-wrap">
            <table class="figures">
              <caption class="visually-hidden">Adoption by department; column headers sort the rows</caption>
              <thead>
                <tr>
                  <th scope="col" aria-sort={ariaSort('name')}>
                    <button type="button" class="sort" onClick={() => chooseSort('name')}>Department</button>
                  </th>
                  {COLUMNS.map((c) => (
                    <th key={c.key} scope="col" class="num" aria-sort={ariaSort(c.key)} title={c.hint}>
                      <button type="button" class="sort" onClick={() => chooseSort(c.key)}>{c.label}</button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr class="total">
                  <th scope="row">Whole company</th>
                  {COLUMNS.map((c) => (
                    <td key={c.key} class="num">{c.key === 'adoption' ? percent(companyAdoption) : count(stats.total[c.key])}</td>
                  ))}
                </tr>
                {sorted.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">
                      <button type="button" class="link" onClick={() => open({ department: row.id })}>{row.name}</button>
                    </th>
                    {COLUMNS.map((c) => (
                      <td key={c.key} class="num">{c.key === 'adoption' ? percent(row.adoption) : count(row[c.key])}</td>
                    ))}
                  </tr>
                ))}
                {stats.other && (
                  <tr class="other">
                    <th scope="row">Other (small groups)</th>
                    {COLUMNS.map((c) => (
                      <td key={c.key} class="num">{c.key === 'adoption' ? '—' : count(stats.other![c.key])}</td>
                    ))}
                  </tr>
                )}
                {unnamed.length > 0 && (
                  <tr class="suppressed" data-testid="suppressed-row">
                    <th scope="row">Not shown on their own</th>
                    <td colSpan={COLUMNS.length} class="suppressed-reason">
                      <span class="suppressed-names">{unnamed.map((d) => d.name).join(', ')}</span>
                      <span class="suppressed-why">
                        Each had fewer than {stats.minGroupSize} active installs in at least one of these weeks, was folded in with a smaller department, or had no activity; whatever they did is counted in “Other” and in the company total.
                      </span>
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          <p class="note" data-testid="privacy-note">
            {stats.other
              ? `${stats.other.departments} departments are counted together as “Other (small groups)”. `
              : ''}
            A department is named only when it had at least {stats.minGroupSize} active installs in every week shown; the rest are counted together, always at least two departments and {stats.minGroupSize} installs, and when that is not enough the smallest named department joins them, so that no figure — nor the total minus the others — is about fewer than {stats.minGroupSize} people. The company total is complete.{' '}
            Click a department for its roles, actions, meeting tools and stories.
          </p>

          <section class="trends" aria-label="Trends by week">
            <TrendChart title="Weekly active installs" weekly={stats.weekly} field="activeInstalls" names={names} from={stats.from} to={stats.to} />
            <TrendChart title="Weekly actions logged" weekly={stats.weekly} field="actionsTaken" names={names} from={stats.from} to={stats.to} />
          </section>

          <ListeningTable range={range} names={names} />
        </div>
      )}
    </main>
  );
}
