import type { ApiIssue } from '@customer-chair/shared/schemas/api-error';
import type { VoiceMessageRecord } from '@customer-chair/shared/schemas/voice';
import { useState } from 'preact/hooks';
import { ApiFailure, failureMessage, isConflict } from './api';

export const CONFLICT_NOTE = 'Someone else changed this message since you opened it, so nothing was saved. Its current version is shown above.';

/** The API's issues by their full path ("reply.said"), to show each beside its field. */
export function issuesByPath(issues: ApiIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[issue.path] = out[issue.path] ? `${out[issue.path]}; ${issue.message}` : issue.message;
  return out;
}

type Options = {
  /** The paths whose issues the form shows beside a field. */
  shown: readonly string[];
  /** The form's verb, for "save again" / "share again". */
  verb: 'save' | 'share';
  onSaved: (record: VoiceMessageRecord) => void;
  /** A 409: loads the message as it is now (the form keeps what was typed). */
  onConflict: () => Promise<void>;
};

/**
 * How a form on a voice message sends a change: busy while it is sent,
 * each API issue beside its field, a 409 shows the message as it is now and
 * keeps what was typed, anything else said once in the form's alert.
 */
export function useVoiceSubmit({ shown, verb, onSaved, onConflict }: Options) {
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(send: () => Promise<VoiceMessageRecord>) {
    setBusy(true);
    try {
      const record = await send();
      setIssues({});
      setError(undefined);
      onSaved(record);
    } catch (failure) {
      const text = failureMessage(failure);
      if (isConflict(failure)) {
        setIssues({});
        await onConflict().catch(() => undefined);
        setError(`${CONFLICT_NOTE} What you typed is still here: ${verb} again to apply it.`);
      } else {
        const byPath = failure instanceof ApiFailure ? issuesByPath(failure.issues) : {};
        setIssues(byPath);
        // Each issue is said beside its field: the alert need not repeat them in the API's dotted paths.
        const beside = Object.keys(byPath).length > 0 && Object.keys(byPath).every((path) => shown.includes(path));
        if (beside) setError(`Nothing was saved: correct what is marked above, then ${verb} again.`);
        else setError(/nothing was saved/i.test(text) ? text : `${text} Nothing was ${verb === 'save' ? 'saved' : 'shared'}.`);
      }
    } finally {
      setBusy(false);
    }
  }

  return { issues, error, busy, submit };
}
