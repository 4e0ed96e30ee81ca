import { LIMITS } from '@customer-chair/shared/schemas/limits';
import type { PromptPlace } from '@customer-chair/shared/schemas/prompt';
import type { PromptRecord } from '@customer-chair/shared/schemas/prompt-record';
import { useState } from 'preact/hooks';
import { admin, failureMessage, isConflict } from './api';
import { Alert } from './alert';
import { Saved } from './saved';
import { TextField } from './text-field';

const PLACES: Record<PromptPlace, string> = { meeting: 'Meetings', newtab: 'New tab', both: 'Both' };

/** One customer-chair question and where it is asked, or the form for a new one. */
export function PromptForm({ prompt, onChanged }: { prompt?: PromptRecord; onChanged: () => void }) {
  const [text, setText] = useState(prompt?.text ?? '');
  const [where, setWhere] = useState<PromptPlace>(prompt?.where ?? 'both');
  const [error, setError] = useState<{ message: string; conflict: boolean }>();
  const [saved, setSaved] = useState<string>();
  const id = prompt ? `prompt-${prompt.id}` : 'prompt-new';

  async function run(action: () => Promise<unknown>, done: string) {
    setSaved(undefined);
    try {
      await action();
      setError(undefined);
      setSaved(done);
      if (!prompt) setText('');
      onChanged();
    } catch (failure) {
      setError({ message: failureMessage(failure), conflict: isConflict(failure) });
    }
  }

  return (
    <form
      class="panel item-form"
      aria-label={prompt ? `Question: ${prompt.text}` : 'New question'}
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => (prompt ? admin.savePrompt(prompt.id, { text, where, revision: prompt.revision }) : admin.createPrompt({ text, where })), prompt ? 'Saved.' : 'Question added.');
      }}
    >
      {!prompt && <h2>Add a question</h2>}
      <TextField id={`${id}-text`} label="Question" value={text} onInput={setText} max={LIMITS.promptText} required multiline rows={2} />
      <div class="row">
        <div class="field inline">
          <label for={`${id}-where`}>Where</label>
          <select id={`${id}-where`} value={where} onChange={(e) => setWhere(e.currentTarget.value as PromptPlace)}>
            {(Object.keys(PLACES) as PromptPlace[]).map((p) => (
              <option key={p} value={p}>
                {PLACES[p]}
              </option>
            ))}
          </select>
        </div>
        <div class="form-actions">
          <button type="submit" class="primary">
            {prompt ? 'Save' : 'Add question'}
          </button>
          {prompt && (
            <button
              type="button"
              class="secondary danger"
              onClick={() => confirm(`Delete the question “${prompt.text}”?`) && void run(() => admin.deletePrompt(prompt.id, prompt.revision), 'Deleted.')}
            >
              Delete
            </button>
          )}
        </div>
      </div>
      {error && (
        <Alert message={error.message}>
          {error.conflict && (
            <button type="button" class="secondary" onClick={() => (setError(undefined), onChanged())}>
              Load the latest revision (your text stays)
            </button>
          )}
        </Alert>
      )}
      <Saved message={saved} />
    </form>
  );
}
