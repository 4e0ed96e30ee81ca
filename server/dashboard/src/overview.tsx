import type { DashboardOverview } from '@customer-chair/shared/schemas/dashboard-overview';
import type { Counters } from '@customer-chair/shared/schemas/stats';
import { useEffect, useState } from 'preact/hooks';
import { api, csvUrl, isExpired } from './api';
import { DepartmentView } from './department-view';
import { EmptyState } from './empty-state';
import { count, counted, percent, period } from './format';
import { PRESETS, presetRange, rangeProblem, type Range } from './range';
import { TrendChart } from './trend-chart';

type Column = { key: keyof Counters | 'adoption'; label: string; hint: string };
const COLUMNS: Column[] = [
  { key: 'activeInstalls', label: 'Active installs', hint: 'Browsers with the extension that did anything in the period' },
  { key: 'adoption', label: 'Adoption', hint: 'Active installs against the department’s headcount' },
  { key: 'storyViews', label: 'Stories seen', hint: 'Customer stories seen on new tabs and in the popup' },
  { key: 'promptsShown', label: 'Questions shown', hint: 'Customer-chair questions shown' },
  { key: 'promptsInserted', label: 'Questions inserted', hint: 'Questions inserted into meetings (agenda, description or chat)' },
  { key: 'storiesInserted', label: 'Stories inserted', hint: 'Stories inserted into meetings' },
  { key: 'storiesShared', label: 'Stories shared', hint: 'Stories copied or shared' },
  { key: 'actionsTaken', label: 'Actions logged', hint: 'Customer-impact actions people marked as done' },
];
type SortKey = Column['key'] | 'name';
type Row = Counters & { id: string; name: string; adoption: number | null };

/** Adoption by department for a period: the company on top, one row per department, trends below. */
export function Overview({ onExpired }: { onExpired: () => void }) {
  const [range, setRange] = useState<Range>();
  const [today, setToday] = useState<string>();
  const [data, setData] = useState<DashboardOverview>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'activeInstalls', descending: true });
  const [selected, setSelected] = useState<string>();

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(undefined);
    api.overview(range).then(
      (overview) => {
        if (!current) return;
        setData(overview);
        // The first answer covers the server's default period, which ends on the company's today.
        if (!range) {
          setToday(overview.stats.to);
          setRange({ from: overview.stats.from, to: overview.stats.to, preset: 30 });
        }
        setLoading(false);
      },
      (failure) => {
        if (!current) return;
        if (isExpired(failure)) onExpired();
        setError((failure as Error).message);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [range?.from, range?.to, attempt]);

  const retry = () => setAttempt((n) => n + 1);

  if (!data || !range || !today) {
    if (error) return <Failure message={error} onRetry={retry} />;
    return <p class="loading" role="status">Loading the figures…</p>;
  }
  if (selected) {
    return <DepartmentView id={selected} overview={data} range={range} onBack={() => setSelected(undefined)} onExpired={onExpired} />;
  }

  const { stats } = data;
  const names = new Map(data.departments.map((d) => [d.id, d]));
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
      <PeriodPicker range={range} today={today} onChange={setRange} />

      <div class="heading">
        <h1>
          Adoption by department <span class="period">{period(stats.from, stats.to)} · {stats.timezone}</span>
        </h1>
        {stats.total.activeInstalls > 0 && (
          <div class="exports">
            <a class="button-link" href={csvUrl(shown, 'departments')} download>Export CSV</a>
            <a class="button-link" href={csvUrl(shown, 'weekly')} download>Export weekly CSV</a>
          </div>
        )}
      </div>
      {loading && <p class="updating" role="status">Updating…</p>}
      {error && <Failure message={error} onRetry={retry} />}

      {stats.total.activeInstalls === 0 ? (
        <EmptyState />
      ) : (
        <div class={loading || error ? 'stale' : undefined}>
          <section class="kpis" aria-label="The whole company at a glance">
            <Kpi label="Active installs" value={count(stats.total.activeInstalls)} detail={companyAdoption === null ? 'across the company' : `${percent(companyAdoption)} of ${count(headcount)} people`} />
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
                      <button type="button" class="link" onClick={() => setSelected(row.id)}>{row.name}</button>
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
              </tbody>
            </table>
          </div>
          <p class="note" data-testid="privacy-note">
            {stats.other
              ? `${stats.other.departments} ${stats.other.departments === 1 ? 'department has' : 'departments have'} fewer than ${stats.minGroupSize} active installs in this period. To protect people’s privacy, ${stats.other.departments === 1 ? 'its figures are' : 'their figures are'} shown only together, as “Other (small groups)”, and never under a department’s name.`
              : `Departments with fewer than ${stats.minGroupSize} active installs would be shown only together, as “Other (small groups)”, to protect people’s privacy.`}{' '}
            Click a department for its roles, actions, meeting tools and stories.
          </p>

          <section class="trends" aria-label="Trends by week">
            <TrendChart title="Weekly active installs" weekly={stats.weekly} field="activeInstalls" names={names} from={stats.from} to={stats.to} />
            <TrendChart title="Weekly actions logged" weekly={stats.weekly} field="actionsTaken" names={names} from={stats.from} to={stats.to} />
          </section>
        </div>
      )}
    </main>
  );
}

function Kpi({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div class="kpi">
      <span class="kpi-label">{label}</span>
      <span class="kpi-value">{value}</span>
      <span class="kpi-detail">{detail}</span>
    </div>
  );
}

function Failure({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div class="failure" role="alert">
      <p>Could not load the figures: {message}</p>
      <button type="button" class="secondary" onClick={onRetry}>Try again</button>
    </div>
  );
}

/** Presets for the usual questions, and any custom period. */
function PeriodPicker({ range, today, onChange }: { range: Range; today: string; onChange: (range: Range) => void }) {
  const [draft, setDraft] = useState({ from: range.from, to: range.to });
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    setDraft({ from: range.from, to: range.to });
    setProblem(undefined);
  }, [range.from, range.to]);

  return (
    <section class="controls" aria-label="Period">
      <div class="presets" role="group" aria-label="Preset periods">
        {PRESETS.map((days) => (
          <button key={days} type="button" class={range.preset === days ? 'chip active' : 'chip'} aria-pressed={range.preset === days} onClick={() => onChange(presetRange(days, today))}>
            Last {days} days
          </button>
        ))}
      </div>
      <form
        class="custom"
        aria-label="Custom period"
        onSubmit={(e) => {
          e.preventDefault();
          const why = rangeProblem(draft.from, draft.to);
          setProblem(why);
          if (!why) onChange({ ...draft, preset: 'custom' });
        }}
      >
        <label for="from">From</label>
        <input id="from" type="date" max={today} value={draft.from} onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
        <label for="to">To</label>
        <input id="to" type="date" max={today} value={draft.to} onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
        <button type="submit" class={range.preset === 'custom' ? 'chip active' : 'secondary'}>Show period</button>
        {problem && <p class="error field-error" role="alert">{problem}</p>}
      </form>
    </section>
  );
}
