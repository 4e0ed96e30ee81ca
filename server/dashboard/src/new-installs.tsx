import { api } from './api';
import { count } from './format';
import { WAVE_FACTOR } from '@customer-chair/shared/domain/summarize-new-installs';
import { useLoad } from './use-load';

const weekDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/**
 * How many installs appeared recently, company-wide: anyone with a managed
 * browser holds the enrollment key and could invent installs, so a sudden
 * wave of them must be visible. Counts below the group size are withheld.
 */
export function NewInstalls() {
  const { data, error } = useLoad(() => api.newInstalls(), []);

  if (error) return <p class="new-installs hint">New installs could not be loaded: {error}</p>;
  // Nothing to say until some count reaches the group size (a new server, or a quiet one).
  if (!data || (!data.wave && data.lastSevenDays === null && data.weeks.every((w) => w.count === null))) return null;
  const k = data.minGroupSize;
  const shown = (value: number | null) => (value === null ? `fewer than ${count(k)}` : count(value));
  const short = (value: number | null) => (value === null ? `<${count(k)}` : count(value));
  const complete = data.weeks.filter((w) => w.complete);
  const current = data.weeks.find((w) => !w.complete);
  return (
    <p class={data.wave ? 'new-installs wave' : 'new-installs'} data-testid="new-installs" role={data.wave ? 'alert' : undefined}>
      {data.wave && <strong>Unusual wave of new installs. </strong>}
      New installs: <strong>{shown(data.lastSevenDays)}</strong> in the last 7 days; weekly from {weekDay.format(new Date(`${complete[0]!.week}T00:00:00Z`))}:{' '}
      {complete.map((w) => short(w.count)).join(' · ')}
      {current && `, and ${shown(current.count)} so far this week`}.
      {data.wave &&
        ` That is more than ${WAVE_FACTOR} times a usual week. Unless the extension is being rolled out, someone may be posting events as invented installs with the enrollment key, which inflates adoption and can expose small groups.`}
      {complete.some((w) => w.count === null) && ` (“<${k}”: fewer than ${k}, not shown exactly.)`}
    </p>
  );
}
