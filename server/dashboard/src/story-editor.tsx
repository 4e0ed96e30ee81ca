import { changedFields } from '@customer-chair/shared/domain/changed-fields';
import { pickPrompt } from '@customer-chair/shared/domain/pick-prompt';
import { LIMITS } from '@customer-chair/shared/schemas/limits';
import type { Story } from '@customer-chair/shared/schemas/story';
import type { StoryRecord } from '@customer-chair/shared/schemas/story-record';
import { useEffect, useState } from 'preact/hooks';
import { admin, ApiFailure, failureMessage, isConflict } from './api';
import { Alert } from './alert';
import { Saved } from './saved';
import { go } from './nav';
import { StoryPreview } from './story-preview';
import { issuesByField, TextField } from './text-field';
import { useLoad } from './use-load';
import { BusyButton } from './busy-button';

type Form = {
  title: string;
  customer: string;
  quote: string;
  body: string;
  impact: string;
  source: string;
  tags: string;
  roles: string[];
  credits: string[];
  publishOn: string;
};
const FIELDS = ['title', 'customer', 'quote', 'body', 'impact', 'source', 'tags', 'roles', 'credits', 'publishOn'] as const;
const EMPTY: Form = { title: '', customer: '', quote: '', body: '', impact: '', source: '', tags: '', roles: [], credits: [], publishOn: '' };

const toForm = (s: StoryRecord): Form => ({
  title: s.title,
  customer: s.customer,
  quote: s.quote ?? '',
  body: s.body,
  impact: s.impact ?? '',
  source: s.source ?? '',
  tags: s.tags.join(', '),
  roles: s.roles ?? [],
  credits: s.credits ?? [],
  publishOn: s.publishOn ?? '',
});
const tagsOf = (tags: string) => tags.split(/[,;]/).map((t) => t.trim()).filter(Boolean);
const optional = (value: string) => (value.trim() ? value : undefined);

/** The form as the story the extension would get (trimmed, as the server stores it). */
function toStory(form: Form, id: string): Story {
  return {
    id,
    title: form.title.trim(),
    customer: form.customer.trim(),
    quote: optional(form.quote.trim()),
    body: form.body.trim(),
    impact: optional(form.impact.trim()),
    source: optional(form.source.trim()),
    tags: tagsOf(form.tags),
    credits: form.credits.length ? form.credits : undefined,
    archived: false,
  };
}

/** Create or edit one story, with the live preview beside it. A stale save keeps the form as typed. */
export function StoryEditor({ storyId }: { storyId: string | undefined }) {
  const [base, setBase] = useState<StoryRecord>();
  const [form, setForm] = useState<Form>(EMPTY);
  const loaded = useLoad(() => admin.story(storyId!), [storyId], { when: storyId !== undefined });
  const loadError = loaded.error;
  useEffect(() => {
    if (loaded.data) (setBase(loaded.data), setForm(toForm(loaded.data)));
  }, [loaded.data]);
  // For the preview only: without them, it shows ids and no question.
  const roles = useLoad(() => admin.roles(), []).data?.roles ?? [];
  const departments = useLoad(() => admin.departments(), []).data?.departments ?? [];
  // The meeting card shows today's question beside the story.
  const question = useLoad(async () => {
    const [list, settings] = await Promise.all([admin.prompts(), admin.settings()]);
    return pickPrompt({ prompts: list.prompts, timezone: settings.timezone }, new Date(), 'meeting');
  }, []).data;
  const [error, setError] = useState<{ message: string; conflict: boolean }>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);
  /** After a conflict: their newer version, and which fields differ from the form. */
  const [theirs, setTheirs] = useState<{ record: StoryRecord; fields: string[] }>();

  const set = (field: keyof Form) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setSaved(undefined);
  };

  async function save(e: Event) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setSaved(undefined);
    const fields = {
      title: form.title,
      customer: form.customer,
      quote: form.quote,
      body: form.body,
      impact: form.impact,
      source: form.source,
      tags: tagsOf(form.tags),
      roles: form.roles,
      credits: form.credits,
      publishOn: form.publishOn,
    };
    try {
      const record = base ? await admin.saveStory(base.id, { ...fields, revision: base.revision }) : await admin.createStory(fields);
      setBase(record);
      setForm(toForm(record));
      setError(undefined);
      setFieldErrors({});
      setTheirs(undefined);
      setSaved(base ? `Saved. Extensions get the change at their next sync.` : `“${record.title}” is created.`);
      if (!base) history.replaceState(null, '', `#/stories/${encodeURIComponent(record.id)}`);
    } catch (failure) {
      setError({ message: failureMessage(failure), conflict: isConflict(failure) });
      setFieldErrors(failure instanceof ApiFailure && !isConflict(failure) ? issuesByField(failure.issues) : {});
    } finally {
      setBusy(false);
    }
  }

  /** Loads the newer revision without touching the form: the CX lead decides what to keep. */
  async function reload() {
    if (!base) return;
    try {
      const record = await admin.story(base.id);
      const mine = { ...toForm(base), ...form };
      setTheirs({ record, fields: changedFields<Form>(mine, toForm(record), FIELDS) });
      setBase(record);
      setError(undefined);
    } catch (failure) {
      setError({ message: failureMessage(failure), conflict: false });
    }
  }

  if (loadError) {
    return (
      <main class="content-page">
        <p class="back">
          <a href="#/stories">← All stories</a>
        </p>
        <Alert message={`Could not open the story: ${loadError}`} />
      </main>
    );
  }
  if (storyId && !base) return <p class="loading" role="status">Loading the story…</p>;

  const preview = toStory(form, base?.id ?? 'new');
  const creditsFull = form.credits.length >= LIMITS.creditsPerStory;
  // A credit the list no longer has (deleted meanwhile) stays visible, so it can be taken off.
  const creditChoices = [...departments, ...form.credits.filter((id) => !departments.some((d) => d.id === id)).map((id) => ({ id, name: id }))];
  return (
    <main class="content-page">
      <p class="back">
        <a href="#/stories">← All stories</a>
      </p>
      <div class="heading">
        <h1>
          {base ? 'Edit story' : 'New story'}
          {base?.archived && <span class="badge muted">Archived</span>}
        </h1>
        {base && <span class="hint">Revision {base.revision} · last saved {new Date(base.updatedAt).toLocaleString()}</span>}
      </div>
      <div class="editor">
        <form class="story-form" onSubmit={save} aria-label="Story" noValidate>
          <TextField id="title" label="Title" value={form.title} onInput={set('title')} max={LIMITS.storyTitle} required error={fieldErrors.title} />
          <TextField id="customer" label="Customer" value={form.customer} onInput={set('customer')} max={LIMITS.customer} required error={fieldErrors.customer} hint="Who it happened to: a company, or a person’s role — no names of people." />
          <TextField id="quote" label="Quote" value={form.quote} onInput={set('quote')} max={LIMITS.quote} multiline rows={3} error={fieldErrors.quote} hint="The customer’s own words; the meeting card shows it." />
          <TextField id="body" label="Story" value={form.body} onInput={set('body')} max={LIMITS.body} multiline rows={9} required error={fieldErrors.body} hint="Plain text. Leave a blank line between paragraphs." />
          <TextField id="impact" label="Impact" value={form.impact} onInput={set('impact')} max={LIMITS.impact} multiline rows={3} error={fieldErrors.impact} hint="What changed for the customer, ideally before and after." />
          <TextField id="source" label="Source" value={form.source} onInput={set('source')} max={LIMITS.source} error={fieldErrors.source} hint="Survey verbatim, support ticket, account team…" />
          <TextField id="tags" label="Tags" value={form.tags} onInput={set('tags')} error={fieldErrors.tags} hint={`Separated by commas; at most ${LIMITS.tags}, each up to ${LIMITS.tag} characters.`} />
          <TextField id="publishOn" label="Publish on" type="date" value={form.publishOn} onInput={set('publishOn')} error={fieldErrors.publishOn} hint="The rotation does not show it before this day." />
          {roles.length > 0 && (
            <fieldset class="field roles-field" aria-describedby="roles-hint">
              <legend>
                Speaks most to <span class="optional">(optional)</span>
              </legend>
              <div class="checks">
                {roles.map((role) => (
                  <label key={role.id} class="check">
                    <input
                      type="checkbox"
                      checked={form.roles.includes(role.id)}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        setForm((f) => ({ ...f, roles: on ? [...f.roles, role.id] : f.roles.filter((r) => r !== role.id) }));
                      }}
                    />
                    {role.name}
                  </label>
                ))}
              </div>
              <p class="hint" id="roles-hint">None ticked: the story is for everyone.</p>
              {fieldErrors.roles && <p class="error">{fieldErrors.roles}</p>}
            </fieldset>
          )}
          {creditChoices.length > 0 && (
            <fieldset class="field credits-field" aria-describedby="credits-hint credits-limit">
              <legend>
                Credited teams <span class="optional">(optional)</span>
              </legend>
              <div class="checks">
                {creditChoices.map((department) => {
                  const on = form.credits.includes(department.id);
                  return (
                    <label key={department.id} class={!on && creditsFull ? 'check unavailable' : 'check'}>
                      <input
                        type="checkbox"
                        checked={on}
                        disabled={!on && creditsFull}
                        onChange={(e) => {
                          const checked = e.currentTarget.checked;
                          setForm((f) => ({ ...f, credits: checked ? [...f.credits, department.id] : f.credits.filter((d) => d !== department.id) }));
                          setSaved(undefined);
                        }}
                      />
                      {department.name}
                    </label>
                  );
                })}
              </div>
              <p class="hint" id="credits-hint">
                The teams behind this customer outcome. Colleagues see a “Thank <em>team</em>” button with this story.
              </p>
              <p class={creditsFull ? 'hint limit-reached' : 'hint'} id="credits-limit" role="status">
                {creditsFull ? `${LIMITS.creditsPerStory} teams credited, the most a story can: untick one to credit another.` : `At most ${LIMITS.creditsPerStory} teams.`}
              </p>
              {fieldErrors.credits && <p class="error">{fieldErrors.credits}</p>}
            </fieldset>
          )}
          {error && (
            <Alert message={error.message}>
              {error.conflict && (
                <button type="button" class="secondary" onClick={reload}>
                  Load their version
                </button>
              )}
            </Alert>
          )}
          {theirs && (
            <div class="conflict" role="status">
              <p>
                <strong>Revision {theirs.record.revision} is loaded.</strong>{' '}
                {theirs.fields.length
                  ? `Your text is still in the form. Their version differs in: ${theirs.fields.join(', ')}.`
                  : 'Their version is the same as your form.'}{' '}
                Save to keep yours, or take theirs.
              </p>
              {theirs.fields.length > 0 && (
                <dl class="their-version">
                  {theirs.fields.map((field) => (
                    <div key={field}>
                      <dt>{field}</dt>
                      <dd>{String(toForm(theirs.record)[field as keyof Form] || '(empty)')}</dd>
                    </div>
                  ))}
                </dl>
              )}
              <button type="button" class="secondary" onClick={() => (setForm(toForm(theirs.record)), setTheirs(undefined))}>
                Take their version
              </button>
            </div>
          )}
          <div class="form-actions">
            {/* Not disabled while saving: a disabled button drops the keyboard's focus to the top of the page. */}
            <BusyButton type="submit" class="primary" busy={busy}>
              {busy ? 'Saving…' : base ? 'Save story' : 'Create story'}
            </BusyButton>
            <button type="button" class="secondary" onClick={() => go('stories')}>
              Back to the list
            </button>
          </div>
          <Saved message={saved} />
        </form>
        <StoryPreview story={preview} question={question} departments={departments} />
      </div>
    </main>
  );
}
