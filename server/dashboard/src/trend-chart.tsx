import { addDays, weekStart } from '@customer-chair/shared/domain/local-day';
import type { Department } from '@customer-chair/shared/schemas/department';
import type { WeeklyStats } from '@customer-chair/shared/schemas/stats';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

const PALETTE = ['#2f6f5e', '#c2410c', '#1d4ed8', '#a21caf', '#b45309', '#0f766e', '#be123c', '#4d7c0f', '#6d28d9', '#0369a1'];
const OTHER = 'Other (small groups)';

type Props = {
  title: string;
  weekly: WeeklyStats[];
  field: 'activeInstalls' | 'actionsTaken';
  names: Map<string, Department>;
  /** The period shown: every week in it gets a point, quiet weeks too. */
  from: string;
  to: string;
};

function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let week = weekStart(from); week <= to; week = addDays(week, 7)) weeks.push(week);
  return weeks;
}

/** One line per department over the weeks, drawn by uPlot; colours follow the page's theme. */
export function TrendChart({ title, weekly, field, names, from, to }: Props) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const weeks = weeksBetween(from, to);
    const stamps = weeks.map((w) => Date.parse(`${w}T00:00:00Z`) / 1000);
    const series = [...new Set(weekly.map((w) => w.department ?? OTHER))];
    const value = new Map(weekly.map((w) => [`${w.week}|${w.department ?? OTHER}`, w[field]]));
    const data: uPlot.AlignedData = [
      stamps,
      ...series.map((s) => weeks.map((w) => value.get(`${w}|${s}`) ?? 0)),
    ];
    const style = getComputedStyle(element);
    const ink = style.getPropertyValue('--muted').trim() || '#666';
    const grid = style.getPropertyValue('--line').trim() || '#ddd';
    const axis = { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const chart = new uPlot(
      {
        width: Math.max(320, element.clientWidth),
        height: 240,
        scales: { x: { time: true, range: () => [stamps[0]! - 43_200, stamps.at(-1)! + 43_200] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [
          {
            ...axis,
            // One tick per week (thinned when there are many), labelled by its Monday.
            splits: () => stamps.filter((_, i) => i % Math.ceil(stamps.length / 8) === 0),
            values: (_u, ticks) => ticks.map((t) => new Date(t * 1000).toISOString().slice(5, 10)),
          },
          { ...axis },
        ],
        series: [
          { label: 'Week of', value: (_u, t) => (t == null ? '' : new Date(t * 1000).toISOString().slice(0, 10)) },
          ...series.map((s, i) => ({
            label: s === OTHER ? OTHER : names.get(s)?.name ?? s,
            stroke: s === OTHER ? ink : PALETTE[i % PALETTE.length],
            width: 2,
            points: { show: true, size: 5 },
          })),
        ],
        legend: { show: true },
      },
      data,
      element,
    );
    return () => chart.destroy();
  }, [weekly, field, from, to]);

  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <div ref={box} class="chart-box" role="img" aria-label={`${title}, by department and week`} />
    </figure>
  );
}
