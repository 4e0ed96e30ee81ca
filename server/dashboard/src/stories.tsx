import type { StoryRecord } from '@customer-chair/shared/schemas/story-record';
import { useState } from 'preact/hooks';
import { admin, failureMessage } from './api';
import { Alert } from './alert';
import { Saved } from './saved';
import { counted } from './format';
import { go } from './nav';
import { useLoad } from './use-load';

type Status = 'active' | 'archived' | 'all';
const STATUS_LABELS: Record<Status, string> = { active: 'Active', archived: 'Archived', all: 'All' };

/** The stories: search, filter by active or archived, open one to edit, archive or restore. */
export function Stories() {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<Status>('active');
  // Wait for a pause in typing before asking the server.
  const list = useLoad(() => admin.stories(q, status), [q, status], { delay: 200 });
  const stories = list.data?.stories;
  const [failed, setFailed] = useState<string>();
  const error = failed ?? list.error;
  const [saved, setSaved] = useState<string>();
  // Only to name the credited teams: without the list, their ids are shown.
  const departments = useLoad(() => admin.departments(), []).data?.departments ?? [];
  const teamName = (id: string) => departments.find((d) => d.id === id)?.name ?? id;

  async function setArchived(story: StoryRecord, archived: boolean) {
    setSaved(undefined);
    try {
      const result = archived ? await admin.archiveStory(story.id, story.revision) : await admin.restoreStory(story.id, story.revision);
      const off = result.unscheduledDays.length ? ` It was taken off ${counted(result.unscheduledDays.length, 'scheduled day', 'scheduled days')}: ${result.unscheduledDays.join(', ')}.` : '';
      setSaved(`“${story.title}” is ${archived ? 'archived' : 'restored'}.${off}`);
      setFailed(undefined);
    } catch (failure) {
      setFailed(failureMessage(failure));
    }
    list.reload();
  }

  return (
    <main class="content-page">
      <div class="heading">
        <h1>Stories</h1>
        <button type="button" class="primary" onClick={() => go('stories/new')}>
          New story
        </button>
      </div>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="field inline">
          <label for="story-search">Search</label>
          <input id="story-search" type="search" value={q} placeholder="Title, customer, text, tag…" onInput={(e) => setQ(e.currentTarget.value)} />
        </div>
        <fieldset class="chips">
          <legend class="visually-hidden">Show</legend>
          {(Object.keys(STATUS_LABELS) as Status[]).map((s) => (
            <button type="button" key={s} class={s === status ? 'chip active' : 'chip'} aria-pressed={s === status} onClick={() => setStatus(s)}>
              {STATUS_LABELS[s]}
            </button>
          ))}
        </fieldset>
      </form>
      {error && (
        <Alert message={error}>
          <button type="button" class="secondary" onClick={() => (setFailed(undefined), list.reload())}>
            Reload the list
          </button>
        </Alert>
      )}
      <Saved message={saved} />
      {!stories ? (
        <p class="loading" role="status">Loading the stories…</p>
      ) : stories.length === 0 ? (
        <p class="empty-list">{q ? `No ${status === 'all' ? '' : `${STATUS_LABELS[status].toLowerCase()} `}story matches “${q}”.` : 'No stories here yet.'}</p>
      ) : (
        <div class="table-wrap">
          <table class="figures compact story-list">
            <thead>
              <tr>
                <th scope="col">Story</th>
                <th scope="col">Tags</th>
                <th scope="col">Publish on</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {stories.map((story) => (
                <tr key={story.id}>
                  <th scope="row">
                    <a class="story-title" href={`#/stories/${encodeURIComponent(story.id)}`}>
                      {story.title}
                    </a>
                    <span class="story-customer">{story.customer}</span>
                    {story.credits && story.credits.length > 0 && <span class="story-credits">Credited: {story.credits.map(teamName).join(', ')}</span>}
                  </th>
                  <td>{story.tags.join(', ')}</td>
                  <td>{story.publishOn ?? '—'}</td>
                  <td>{story.archived ? <span class="badge muted">Archived</span> : <span class="badge">Active</span>}</td>
                  <td class="row-actions">
                    <a class="button-link" href={`#/stories/${encodeURIComponent(story.id)}`} aria-label={`Edit “${story.title}”`}>
                      Edit
                    </a>
                    <button type="button" class="secondary" onClick={() => setArchived(story, !story.archived)} aria-label={`${story.archived ? 'Restore' : 'Archive'} “${story.title}”`}>
                      {story.archived ? 'Restore' : 'Archive'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {stories && <p class="note">{counted(stories.length, 'story', 'stories')}. Archived stories leave the rotation and the days they were scheduled for; they are never deleted.</p>}
    </main>
  );
}
