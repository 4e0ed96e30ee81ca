import type { ApiIssue } from '@customer-chair/shared/schemas/api-error';
import type { ContentBundle } from '@customer-chair/shared/schemas/content-bundle';
import { VoiceDraftSchema, type VoiceKind } from '@customer-chair/shared/schemas/voice';
import { render } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { unanswered, type ApiDeps } from '../../lib/api-request';
import { effectiveProfile, type Profile } from '../../lib/profile';
import { cachedBundle, managedMirror, userSettings } from '../../lib/storage';
import { useReceiptStatuses } from '../../lib/use-receipt-statuses';
import { fetchVoiceStatus, sendVoice } from '../../lib/voice-api';
import { keptVoice, voiceSenderKey, type KeptVoice } from '../../lib/voice-storage';
import { MyVoice } from './my-voice';
import { VoiceForm, type VoiceErrors } from './voice-form';

export type VoiceDeps = {
  fetch: typeof fetch;
  now: () => Date;
  /** For tests: give up on a request sooner. */
  timeoutMs?: number;
};

type Loaded = { profile: Profile; bundle?: ContentBundle; kept: KeptVoice[] };

/** How much of a sent message this browser keeps, to tell the messages apart. */
const EXCERPT = 140;

async function load(): Promise<Loaded> {
  const [user, managed, cached, kept] = await Promise.all([userSettings.getValue(), managedMirror.getValue(), cachedBundle.getValue(), keptVoice.getValue()]);
  return { profile: effectiveProfile(user, managed), bundle: cached?.bundle, kept };
}

/** The random key for the daily limit, made once for this form (never the install id). */
async function ensureSenderKey(): Promise<string> {
  const existing = await voiceSenderKey.getValue();
  if (existing) return existing;
  const key = crypto.randomUUID();
  await voiceSenderKey.setValue(key);
  return key;
}

/** A field's problem in the form's words, from our check or the server's (both name the field by the schema's path). */
function fieldErrors(issues: readonly Pick<ApiIssue, 'path' | 'message'>[]): VoiceErrors {
  const errors: VoiceErrors = {};
  for (const { path, message } of issues) {
    if (path === 'kind') errors.kind ??= 'Choose what your message is about.';
    else if (path === 'text') errors.text ??= /empty/.test(message) ? 'Write your message first.' : `Your message ${message}.`;
    else if (path === 'department') errors.department ??= /empty|required|invalid/i.test(message) ? 'Choose your department first: it is the only thing sent with your message.' : `Your department ${message}.`;
  }
  return errors;
}

/** The employees' voice: tell the CX team what a customer said, an idea, or a lesson; see the status and the answer. */
export function VoicePage({ deps, initial }: { deps: VoiceDeps; initial: Loaded }) {
  const { profile, bundle } = initial;
  const api: ApiDeps = useMemo(() => ({ fetch: deps.fetch, profile: async () => profile, timeoutMs: deps.timeoutMs }), []);
  const departmentName = profile.department ? (bundle?.departments.find((d) => d.id === profile.department)?.name ?? profile.department) : undefined;

  const [kind, setKind] = useState<VoiceKind>();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<VoiceErrors>({});
  const [outcome, setOutcome] = useState<{ text: string; error?: boolean }>();
  const [sending, setSending] = useState(false);
  const [kept, setKept] = useState(initial.kept);
  const { statuses, online, load: loadStatus, refresh } = useReceiptStatuses({ initial: initial.kept, kept, idOf: (message) => message.messageId, fetchStatus: (message) => fetchVoiceStatus(api, message) });


  async function send() {
    setOutcome(undefined);
    const parsed = VoiceDraftSchema.safeParse({ senderKey: await ensureSenderKey(), kind, department: profile.department ?? '', text });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))));
      focusFirstProblem();
      return;
    }
    setErrors({});
    setSending(true);
    const answer = await sendVoice(api, parsed.data);
    setSending(false);
    if (!answer.ok) {
      setErrors(fieldErrors(answer.issues ?? []));
      setOutcome({
        error: true,
        text: unanswered(answer) ? `${answer.message} Your message is still here: send it again when you are back online.` : answer.message,
      });
      focusFirstProblem();
      return;
    }
    const message: KeptVoice = {
      messageId: answer.value.messageId,
      receipt: answer.value.receipt,
      kind: parsed.data.kind,
      excerpt: parsed.data.text.length > EXCERPT ? `${parsed.data.text.slice(0, EXCERPT - 1).trimEnd()}…` : parsed.data.text,
      sentAt: deps.now().toISOString(),
    };
    const next = [message, ...(await keptVoice.getValue())];
    await keptVoice.setValue(next);
    setKept(next);
    setKind(undefined);
    setText('');
    setOutcome({ text: 'Sent. Your receipt is kept in this browser: the status and the CX team’s answer show under “Your messages”.' });
    void loadStatus(message);
  }

  function focusFirstProblem() {
    requestAnimationFrame(() => (document.querySelector('.voice-form [aria-invalid="true"]') as HTMLElement | null)?.focus());
  }

  return (
    <div class="page voice">
      <header class="brand">Customer Chair</header>
      <h1>Tell the CX team</h1>
      <p class="lede">
        What a customer told you, an idea for our customers, or a lesson from something we tried that did not work. The CX team reads every message and
        answers; the best are answered in public on every new tab: “You said, we did”.
      </p>
      {!online && (
        <p class="banner offline" role="status">
          You are offline. You can write your message now and send it when you are back online.
        </p>
      )}
      <section class="new-voice" aria-labelledby="new-voice-title">
        <h2 id="new-voice-title">A new message</h2>
        <VoiceForm
          kind={kind}
          text={text}
          departmentName={departmentName}
          errors={errors}
          sending={sending}
          outcome={outcome}
          onKind={(k) => {
            setKind(k);
            setErrors(({ kind: _fixed, ...rest }) => rest);
          }}
          onText={(value) => {
            setText(value);
            // The problem said is gone once the employee writes; what is still wrong shows on the next Send.
            if (value.trim()) setErrors(({ text: _fixed, ...rest }) => rest);
          }}
          onSend={() => void send()}
          onOpenSettings={() => void browser.runtime.openOptionsPage()}
        />
      </section>
      {kept.length > 0 && <MyVoice messages={kept} statuses={statuses} onRetry={() => void refresh(kept)} />}
    </div>
  );
}

/** Reads what the page needs from storage, then renders it into `root`. */
export async function mountVoicePage(root: HTMLElement, deps: VoiceDeps): Promise<void> {
  const initial = await load();
  render(<VoicePage deps={deps} initial={initial} />, root);
}
