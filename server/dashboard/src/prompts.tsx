import { admin } from './api';
import { Alert } from './alert';
import { useLoad } from './use-load';
import { PromptForm } from './prompt-form';

/** The customer-chair questions, and where each is asked. */
export function Prompts() {
  const { data, error, reload } = useLoad(() => admin.prompts(), []);
  const prompts = data?.prompts;

  return (
    <main class="content-page">
      <div class="heading">
        <h1>Customer-chair questions</h1>
      </div>
      <p class="note">Each day the new tab and the meeting card ask one of these, the same for everyone. “Did customers tell us they want this?”</p>
      {error && <Alert message={error} />}
      {!prompts ? (
        !error && <p class="loading" role="status">Loading the questions…</p>
      ) : (
        <div class="stack">
          {prompts.map((p) => (
            <PromptForm key={p.id} prompt={p} onChanged={reload} />
          ))}
          <PromptForm key="new" onChanged={reload} />
        </div>
      )}
    </main>
  );
}
