import type { Department } from '@customer-chair/shared/schemas/department';
import type { WeeklyStats } from '@customer-chair/shared/schemas/stats';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { chartFigures, OTHER } from './chart-figures';

/** How many distinct line colours the theme defines (--series-1 … --series-8 in styles.css). */
const SERIES_COLOURS = 8;
const HEIGHT = 240;

type Props = {
  title: string;
  weekly: WeeklyStats[];
  field: 'activeInstalls' | 'actionsTaken';
  names: Map<string, Department>;
  /** The period shown: every week in it gets a point, quiet weeks too. */
  from: string;
  to: string;
};

const dark = () => matchMedia('(prefers-color-scheme: dark)');

/**
 * One line per department over the weeks, drawn by uPlot. Canvas colours
 * cannot follow CSS by themselves, so they are read from the theme's custom
 * properties and the chart is redrawn when the colour scheme changes.
 */
export function TrendChart({ title, weekly, field, names, from, to }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const figures = useMemo(() => chartFigures(weekly, field, names, from, to), [weekly, field, from, to]);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const { weeks, series, label, values } = figures;
    const stamps = weeks.map((w) => Date.parse(`${w}T00:00:00Z`) / 1000);
    const data: uPlot.AlignedData = [stamps, ...values];
    const every = Math.ceil(stamps.length / 8);

    let chart: uPlot | undefined;
    function draw() {
      chart?.destroy();
      const style = getComputedStyle(element!);
      const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
      const ink = token('--muted', '#666');
      const grid = token('--line', '#ddd');
      const axis = { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: '12px system-ui, sans-serif' };
      const colours = series.map((s, i) => (s === OTHER ? token('--series-other', ink) : token(`--series-${(i % SERIES_COLOURS) + 1}`, ink)));
      chart = new uPlot(
        {
          width: Math.max(280, element!.clientWidth),
          height: HEIGHT,
          scales: {
            x: { time: true, range: () => [stamps[0]! - 43_200, stamps.at(-1)! + 43_200] },
            y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.1))] },
          },
          axes: [
            {
              ...axis,
              // One tick per week (thinned when there are many), labelled by its Monday.
              splits: () => stamps.filter((_, i) => i % every === 0),
              values: (_u, ticks) => ticks.map((t) => new Date(t * 1000).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })),
            },
            { ...axis, size: 44, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 50_000, 100_000] },
          ],
          series: [
            { label: 'Week of' },
            ...series.map((s, i) => ({
              label: label(s),
              stroke: colours[i]!,
              width: 2,
              dash: s === OTHER ? [6, 4] : undefined,
              points: { show: true, size: 6, fill: colours[i]! },
            })),
          ],
          // The legend names the lines; exact weekly figures are in the table and the weekly CSV.
          legend: { show: true, live: false, markers: { width: 0, fill: (_u, i) => colours[i - 1] ?? ink } },
          cursor: { show: false },
        },
        data,
        element!,
      );
    }
    draw();

    const scheme = dark();
    scheme.addEventListener('change', draw);
    let width = element.clientWidth;
    const resize = new ResizeObserver(() => {
      if (element.clientWidth === width || !chart) return;
      width = element.clientWidth;
      chart.setSize({ width: Math.max(280, width), height: HEIGHT });
    });
    resize.observe(element);
    return () => {
      scheme.removeEventListener('change', draw);
      resize.disconnect();
      chart?.destroy();
    };
  }, [figures]);

  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <div ref={box} class="chart-box" role="img" aria-label={`${title}, one line per department, by week; the figures are in the table after the chart`} />
      {/* The chart's text alternative: the same figures, for screen readers and for anyone who wants the numbers. */}
      <details class="chart-table">
        <summary>{title}: the figures as a table</summary>
        <div class="table-wrap">
          <table class="chart-figures">
            <caption class="visually-hidden">{title}, by week</caption>
            <thead>
              <tr>
                <th scope="col">Week of</th>
                {figures.series.map((s) => (
                  <th scope="col" class="num" key={s}>
                    {figures.label(s)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {figures.weeks.map((week, row) => (
                <tr key={week}>
                  <th scope="row">{new Date(`${week}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })}</th>
                  {figures.values.map((column, i) => (
                    <td class="num" key={figures.series[i]}>
                      {column[row] ?? (
                        <abbr title="Not shown on its own this week" aria-label="not shown on its own this week">
                          —
                        </abbr>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {figures.values.some((column) => column.includes(null)) && <p class="hint">— : not shown on its own that week (fewer active installs than the small-group rule allows, counted in “Other”), or no figures that week.</p>}
      </details>
    </figure>
  );
}
