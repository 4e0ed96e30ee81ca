import { addMonths, monthGrid } from '@customer-chair/shared/domain/month-grid';
import type { ScheduleDay } from '@customer-chair/shared/schemas/schedule';
import { useEffect, useState } from 'preact/hooks';
import { admin, failureMessage, isConflict } from './api';
import { Alert } from './alert';
import { Saved } from './saved';
import { useLoad } from './use-load';
import { BusyButton } from './busy-button';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const monthName = (month: string) => new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
const dayName = (day: string) => new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** A month calendar of what every day shows: a story a CX lead picked, or the rotation's. Past days are history. */
export function Schedule() {
  const [month, setMonth] = useState<string>();
  // Without a month yet, the server's default range starts on the company's today, which opens its month.
  const loaded = useLoad(() => {
    const weeks = month ? monthGrid(month) : undefined;
    return weeks ? admin.schedule(weeks[0]![0]!.day, weeks.at(-1)![6]!.day) : admin.schedule();
  }, [month]);
  useEffect(() => {
    if (!month && loaded.data) setMonth(loaded.data.today.slice(0, 7));
  }, [loaded.data]);
  const data = month ? loaded.data : undefined;
  const stories = useLoad(() => admin.stories('', 'active'), []).data?.stories ?? [];
  const [selected, setSelected] = useState<string>();
  const [choice, setChoice] = useState('');
  const [failed, setError] = useState<{ message: string; conflict: boolean }>();
  const error = failed ?? (loaded.error ? { message: loaded.error, conflict: false } : undefined);
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (!month || !data) {
    if (error) return <Alert message={error.message} />;
    return <p class="loading" role="status">Loading the schedule…</p>;
  }

  const byDay = new Map(data.days.map((d) => [d.day, d]));
  const chosen = selected ? byDay.get(selected) : undefined;

  function open(day: ScheduleDay) {
    setSelected(day.day);
    setChoice(day.scheduled && day.story ? day.story.id : '');
    setSaved(undefined);
    setError(undefined);
  }

  async function apply(day: ScheduleDay) {
    setBusy(true);
    setSaved(undefined);
    try {
      const result = choice ? await admin.pick(day.day, choice, day.scheduled ? day.story!.id : null) : await admin.release(day.day);
      setSaved(result.scheduled ? `${dayName(day.day)} shows “${result.story!.title}”.` : `${dayName(day.day)} is back to the rotation${result.story ? `: “${result.story.title}”` : ''}.`);
      setError(undefined);
      loaded.reload();
    } catch (failure) {
      setError({ message: failureMessage(failure), conflict: isConflict(failure) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="content-page schedule">
      <div class="heading">
        <h1>
          Schedule <span class="period">{data.timezone}</span>
        </h1>
        <div class="month-nav">
          <button type="button" class="secondary" onClick={() => setMonth(addMonths(month, -1))} aria-label="Previous month">
            ← Previous
          </button>
          <h2 class="month-name" aria-live="polite">
            {monthName(month)}
          </h2>
          <button type="button" class="secondary" onClick={() => setMonth(addMonths(month, 1))} aria-label="Next month">
            Next →
          </button>
        </div>
      </div>
      <p class="legend">
        <span class="badge">Picked</span> a CX lead chose the story for that day · <span class="badge muted">Rotation</span> the rotation chooses · past days cannot be changed.
      </p>
      {error && !chosen && <Alert message={error.message} />}
      <table class="calendar" aria-label={`Stories for ${monthName(month)}`}>
        <thead>
          <tr>
            {WEEKDAYS.map((d) => (
              <th scope="col" key={d}>
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(month).map((week) => (
            <tr key={week[0]!.day}>
              {week.map(({ day, inMonth }) => {
                const info = byDay.get(day);
                const past = day < data.today;
                const classes = ['day', inMonth ? '' : 'outside', past ? 'past' : '', day === data.today ? 'today' : '', info?.scheduled ? 'picked' : '', day === selected ? 'selected' : ''];
                return (
                  <td key={day} class={classes.filter(Boolean).join(' ')} data-day={day}>
                    <div class="day-head">
                      <span class="day-number">{Number(day.slice(8))}</span>
                      {day === data.today && <span class="today-mark">Today</span>}
                    </div>
                    {info && (
                      <>
                        <p class="day-story">{info.story ? info.story.title : 'No story'}</p>
                        <span class={info.scheduled ? 'badge' : 'badge muted'}>{info.scheduled ? 'Picked' : 'Rotation'}</span>
                      </>
                    )}
                    {info && !past && (
                      <button type="button" class="link day-edit" onClick={() => open(info)} aria-label={`Change ${dayName(day)}`}>
                        Change
                      </button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <Saved message={saved} />
      {chosen && (
        <section class="panel day-panel" aria-labelledby="day-panel-title">
          <h2 id="day-panel-title">{dayName(chosen.day)}</h2>
          <p>
            Shows now: <strong>{chosen.story ? chosen.story.title : 'no story'}</strong> ({chosen.scheduled ? 'picked' : 'the rotation’s'})
          </p>
          <form
            class="day-form"
            onSubmit={(e) => {
              e.preventDefault();
              void apply(chosen);
            }}
          >
            <div class="field">
              <label for="day-story">Story for this day</label>
              <select id="day-story" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
                <option value="">The rotation decides</option>
                {stories.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title} — {s.customer}
                  </option>
                ))}
              </select>
            </div>
            <div class="form-actions">
              <BusyButton type="submit" class="primary" busy={busy}>
                {choice ? 'Pick this story' : 'Give the day back to the rotation'}
              </BusyButton>
              <button type="button" class="secondary" onClick={() => setSelected(undefined)}>
                Close
              </button>
            </div>
          </form>
          {error && (
            <Alert message={error.message}>
              {error.conflict && (
                <button type="button" class="secondary" onClick={() => (setError(undefined), loaded.reload())}>
                  Reload the calendar
                </button>
              )}
            </Alert>
          )}
        </section>
      )}
    </main>
  );
}
