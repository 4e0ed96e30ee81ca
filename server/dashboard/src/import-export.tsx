import type { ImportResult } from '@customer-chair/shared/schemas/content-import';
import { useState } from 'preact/hooks';
import { admin, ApiFailure, EXPORT_URL, failureMessage } from './api';
import { Alert } from './alert';
import { Saved } from './saved';
import { ImportPreview } from './import-preview';
import { BusyButton } from './busy-button';

/** JSON when it looks like JSON; otherwise CSV. A chosen file's name decides first. */
function typeOf(text: string, fileName: string | undefined): string {
  if (fileName && /\.json$/i.test(fileName)) return 'application/json';
  if (fileName && /\.(csv|tsv|txt)$/i.test(fileName)) return 'text/csv';
  return /^\s*[[{]/.test(text) ? 'application/json' : 'text/csv';
}

/** Stories from CSV or JSON (or a whole export to restore): a dry run first, then all or nothing. Export everything as JSON. */
export function ImportExport() {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string>();
  const [preview, setPreview] = useState<{ result: ImportResult; text: string }>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function choose(e: Event) {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
    setPreview(undefined);
    setDone(undefined);
  }

  async function run(mode: 'preview' | 'apply') {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const result = await admin.importFile(mode, text, typeOf(text, fileName));
      if (mode === 'preview') setPreview({ result, text });
      else {
        setPreview(undefined);
        const c = result.counts.stories;
        setDone(
          result.kind === 'restore'
            ? `Restored: all content now comes from the file (content version ${result.version}).`
            : `Imported: ${c?.create ?? 0} created, ${c?.update ?? 0} updated, ${c?.unchanged ?? 0} unchanged (content version ${result.version}).`,
        );
      }
    } catch (failure) {
      // An apply refused for errors names every one; show them like the preview does.
      setError(failureMessage(failure));
      if (failure instanceof ApiFailure && mode === 'apply') setPreview(undefined);
    } finally {
      setBusy(false);
    }
  }

  const current = preview && preview.text === text ? preview.result : undefined;
  const canApply = !!current && current.errors.length === 0;
  return (
    <main class="content-page">
      <div class="heading">
        <h1>Import &amp; export</h1>
      </div>
      <section class="panel settings-block" aria-labelledby="import-title">
        <h2 id="import-title">Import stories</h2>
        <p class="hint">
          CSV (first row names the columns) or JSON. Columns: <code>title, customer, quote, body, impact, source, tags, publishOn</code>, and optionally <code>id</code>, <code>roles</code>, <code>credits</code> (department ids of the credited teams, separated by “;”). A row
          updates the story with its id, or with the same title and customer; other rows create stories. An export file restores all content.
        </p>
        <div class="field">
          <label for="import-file">Choose a file</label>
          <input id="import-file" type="file" accept=".csv,.tsv,.txt,.json,text/csv,application/json" onChange={choose} />
        </div>
        <div class="field">
          <label for="import-text">…or paste it here</label>
          <textarea
            id="import-text"
            rows={8}
            spellcheck={false}
            class="mono"
            value={text}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setFileName(undefined);
              setDone(undefined);
            }}
          />
        </div>
        <div class="form-actions">
          <BusyButton class="primary" busy={busy} disabled={!text.trim()} onClick={() => run('preview')}>
            Preview (changes nothing)
          </BusyButton>
          <BusyButton class="secondary" busy={busy} disabled={!canApply} onClick={() => run('apply')} aria-describedby="apply-hint">
            Apply
          </BusyButton>
          <span class="hint" id="apply-hint">
            {!current ? 'Preview first; Apply writes every row in one go, or nothing.' : current.errors.length ? 'Fix every error, then preview again.' : 'Ready: Apply writes every row in one go.'}
          </span>
        </div>
        {error && <Alert message={error} />}
        <Saved message={done} />
        {preview && !current && <p class="hint">The text changed since the preview: preview again.</p>}
        {current && <ImportPreview result={current} />}
      </section>
      <section class="panel settings-block" aria-labelledby="export-title">
        <h2 id="export-title">Export</h2>
        <p class="hint">Everything — stories (archived too), questions, roles and actions, departments, the schedule and the time zone — as one JSON file. Import it here to restore it, or on another server.</p>
        <a class="button-link" href={EXPORT_URL} download>
          Download the export (JSON)
        </a>
      </section>
    </main>
  );
}
