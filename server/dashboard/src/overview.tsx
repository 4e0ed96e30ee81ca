import type { DashboardOverview } from '@customer-chair/shared/schemas/dashboard-overview';
import type { Counters } from '@customer-chair/shared/schemas/stats';
import { useEffect, useState } from 'preact/hooks';
import { api, csvUrl, isExpired } from './api';
import { DepartmentView } from './department-view';
import { presetRange, type Preset, type Range } from './range';
import { TrendChart } from './trend-chart';

type Column = { key: keyof Counters | 'adoption'; label: string };
const COLUMNS: Column[] = [
  { key: 'activeInstalls', label: 'Active installs' },
  { key: 'adoption', label: 'Adoption' },
  { key: 'storyViews', label: 'Stories seen' },
  { key: 'promptsShown', label: 'Questions shown' },
  { key: 'promptsInserted', label: 'Questions inserted' },
  { key: 'storiesInserted', label: 'Stories inserted' },
  { key: 'storiesShared', label: 'Stories shared' },
  { key: 'actionsTaken', label: 'Actions logged' },
];

type Row = Counters & { id: string; name: string; adoption: number | null };
const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);

export function Overview({ onExpired }: { onExpired: () => void }) {
  const [range, setRange] = useState<Range>();
  const [custom, setCustom] = useState<{ from: string; to: string }>();
  const [data, setData] = useState<DashboardOverview>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [sort, setSort] = useState<{ key: Column['key'] | 'name'; descending: boolean }>({ key: 'activeInstalls', descending: true });
  const [selected, setSelected] = useState<string>();

  useEffect(() => {
    setLoading(true);
    setError(undefined);
    api.overview(range).then(
      (overview) => {
        setData(overview);
        if (!range) setRange({ from: overview.stats.from, to: overview.stats.to, preset: 30 });
        setLoading(false);
      },
      (failure) => {
        if (isExpired(failure)) onExpired();
        setError((failure as Error).message);
        setLoading(false);
      },
    );
  }, [range?.from, range?.to]);

  if (error) return <p class="error" role="alert">Could not load the figures: {error}</p>;
  if (!data || !range) return <p class="loading" role="status">Loading the figures…</p>;
  const { stats } = data;
  const names = new Map(data.departments.map((d) => [d.id, d]));
  const today = data.stats.to;

  if (selected) return <DepartmentView id={selected} overview={data} range={range} onBack={() => setSelected(undefined)} onExpired={onExpired} />;

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
  const totalHeadcount = data.departments.every((d) => d.headcount) ? data.departments.reduce((sum, d) => sum + (d.headcount ?? 0), 0) : 0;
  const chooseSort = (key: Column['key'] | 'name') => setSort((s) => ({ key, descending: s.key === key ? !s.descending : key !== 'name' }));
  const ariaSort = (key: Column['key'] | 'name') => (sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none');

  return (
    <main class="overview" aria-busy={loading}>
      <section class="controls" aria-label="Period">
        <div class="presets" role="group" aria-label="Period">
          {([7, 30, 90] as Preset[]).map((days) => (
            <button key={days} type="button" class={range.preset === days ? 'chip active' : 'chip'} aria-pressed={range.preset === days} onClick={() => setRange(presetRange(days, today))}>
              Last {days} days
            </button>
          ))}
        </div>
        <form
          class="custom"
          onSubmit={(e) => {
            e.preventDefault();
            if (custom?.from && custom.to) setRange({ ...custom, preset: 'custom' });
          }}
        >
          <label for="from">From</label>
          <input id="from" type="date" value={custom?.from ?? range.from} onInput={(e) => setCustom({ from: e.currentTarget.value, to: custom?.to ?? range.to })} />
          <label for="to">To</label>
          <input id="to" type="date" value={custom?.to ?? range.to} onInput={(e) => setCustom({ from: custom?.from ?? range.from, to: e.currentTarget.value })} />
          <button type="submit" class="secondary">Show</button>
        </form>
        <div class="exports">
          <a class="button-link" href={csvUrl(stats.from, stats.to, 'departments')} download>Export CSV</a>
          <a class="button-link" href={csvUrl(stats.from, stats.to, 'weekly')} download>Export weekly CSV</a>
        </div>
      </section>

      <h1>
        Adoption by department <span class="period">{stats.from} to {stats.to} · {stats.timezone}</span>
      </h1>

      {stats.total.activeInstalls === 0 ? (
        <section class="empty" aria-labelledby="empty-title">
          <h2 id="empty-title">No activity in this period yet</h2>
          <p>Figures appear as soon as employees’ browsers send their first events. To get there:</p>
          <ol>
            <li>Build the extension (<code>pnpm start</code> builds it into <code>extension/.output/</code>).</li>
            <li>Have IT force-install it with your server URL and enrollment key — see “Deploying to a company” in the README — or load it unpacked to try it yourself.</li>
            <li>Open a new tab: today’s customer story appears, and the figures here follow.</li>
          </ol>
        </section>
      ) : (
        <>
          <table class="figures">
            <caption class="visually-hidden">Adoption by department, sortable by any column</caption>
            <thead>
              <tr>
                <th scope="col" aria-sort={ariaSort('name')}>
                  <button type="button" class="sort" onClick={() => chooseSort('name')}>Department</button>
                </th>
                {COLUMNS.map((c) => (
                  <th key={c.key} scope="col" class="num" aria-sort={ariaSort(c.key)}>
                    <button type="button" class="sort" onClick={() => chooseSort(c.key)}>{c.label}</button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr class="total">
                <th scope="row">Whole company</th>
                {COLUMNS.map((c) => (
                  <td key={c.key} class="num">
                    {c.key === 'adoption' ? percent(totalHeadcount ? stats.total.activeInstalls / totalHeadcount : null) : stats.total[c.key]}
                  </td>
                ))}
              </tr>
              {sorted.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <button type="button" class="link" onClick={() => setSelected(row.id)}>{row.name}</button>
                  </th>
                  {COLUMNS.map((c) => (
                    <td key={c.key} class="num">{c.key === 'adoption' ? percent(row.adoption) : row[c.key]}</td>
                  ))}
                </tr>
              ))}
              {stats.other && (
                <tr class="other">
                  <th scope="row">Other (small groups)</th>
                  {COLUMNS.map((c) => (
                    <td key={c.key} class="num">{c.key === 'adoption' ? '—' : stats.other![c.key]}</td>
                  ))}
                </tr>
              )}
            </tbody>
          </table>
          {stats.other && (
            <p class="note" data-testid="privacy-note">
              {stats.other.departments} {stats.other.departments === 1 ? 'department has' : 'departments have'} fewer than {stats.minGroupSize} active installs in this period.
              To protect people’s privacy, {stats.other.departments === 1 ? 'its figures are' : 'their figures are'} shown only together, as “Other (small groups)”.
            </p>
          )}
          <section class="trends" aria-label="Trends by week">
            <TrendChart title="Weekly active installs" weekly={stats.weekly} field="activeInstalls" names={names} from={stats.from} to={stats.to} />
            <TrendChart title="Weekly actions logged" weekly={stats.weekly} field="actionsTaken" names={names} from={stats.from} to={stats.to} />
          </section>
        </>
      )}
    </main>
  );
}
