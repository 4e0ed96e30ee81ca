import { VOICE_KIND_LABELS, VOICE_STATUS_LABELS, type VoiceMessageRecord } from '@customer-chair/shared/schemas/voice';
import { useState } from 'preact/hooks';
import { failureMessage, isConflict, voice } from './api';
import { Alert } from './alert';
import { Saved } from './saved';
import { period } from './format';
import { CONFLICT_NOTE } from './use-voice-submit';
import { VoiceReplyForm } from './voice-reply-form';
import { VoiceShareForm } from './voice-share-form';
import { BusyButton } from './busy-button';

const sent = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

type Props = {
  message: VoiceMessageRecord;
  minGroupSize: number;
  /** Changed here to a status the current tab does not list. */
  moved: boolean;
  onChanged: (record: VoiceMessageRecord) => void;
  /** The message as it is now on the server (after a 409). */
  reload: (messageId: string) => Promise<VoiceMessageRecord | undefined>;
};

type Open = 'status' | 'reply' | 'share' | undefined;

/** One message in the inbox: what was sent (as text, line breaks kept), from where, its answer, and what the CX lead can do with it. */
export function VoiceMessage({ message, minGroupSize, moved, onChanged, reload }: Props) {
  const [open, setOpen] = useState<Open>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const titleId = `voice-${message.id}-title`;

  const toggle = (which: Exclude<Open, undefined>) => {
    setSaved(undefined);
    setError(undefined);
    setOpen((now) => (now === which ? undefined : which));
  };

  const conflict = async () => {
    await reload(message.id);
  };

  const done = (record: VoiceMessageRecord, note: string) => {
    onChanged(record);
    setOpen(undefined);
    setError(undefined);
    setSaved(note);
  };

  /** A one-click change (take the reply down, make a story): on a 409, the current version and why nothing happened. */
  async function act(work: () => Promise<{ record: VoiceMessageRecord; note: string }>) {
    setBusy(true);
    setSaved(undefined);
    try {
      const { record, note } = await work();
      done(record, note);
    } catch (failure) {
      const text = failureMessage(failure);
      if (isConflict(failure)) {
        await conflict().catch(() => undefined);
        setError(`${CONFLICT_NOTE} Look at it, then try again if it still applies.`);
      } else setError(text);
    } finally {
      setBusy(false);
    }
  }

  const takeDown = () =>
    act(async () => ({
      record: await voice.update(message.id, { revision: message.revision, status: message.status, ...(message.reason ? { reason: message.reason } : {}), reply: null }),
      note: 'The reply is taken down: new tabs stop showing it at their next sync.',
    }));

  const makeStory = () =>
    act(async () => {
      const result = await voice.makeStory(message.id, message.revision);
      return { record: result.message, note: 'A draft story is made from this message. It is archived, so nobody sees it until you edit and restore it.' };
    });

  const savedNote = (record: VoiceMessageRecord) =>
    `Saved: ${VOICE_STATUS_LABELS[record.status].toLowerCase()}.${record.reply ? ` The reply shows on every new tab ${period(record.reply.from, record.reply.until)}.` : ''}`;

  return (
    <article class={`voice-message status-${message.status}`} aria-labelledby={titleId}>
      <header class="voice-head">
        <h2 id={titleId} class="voice-kind">
          {VOICE_KIND_LABELS[message.kind]}
        </h2>
        <span class={`badge voice-status status-${message.status}`}>{VOICE_STATUS_LABELS[message.status]}</span>
      </header>
      <p class="voice-text">{message.text}</p>
      <p class="voice-meta">
        From{' '}
        {message.department ? (
          <span class="voice-department">{message.department.name}</span>
        ) : (
          // A tooltip of our own: it shows on keyboard focus too, and screen readers read it as the words' description.
          <span class="small-department" tabIndex={0} aria-describedby={`${titleId}-small`}>
            a small department
            <span role="tooltip" id={`${titleId}-small`} class="tip">
              Fewer than {minGroupSize} people use Customer Chair there, so the department is not named
            </span>
          </span>
        )}{' '}
        · sent <time dateTime={message.submittedAt}>{sent.format(new Date(message.submittedAt))}</time>
        {moved && <span class="voice-moved"> · now under “{VOICE_STATUS_LABELS[message.status]}”</span>}
      </p>
      {message.status === 'not_adopted' && message.reason && (
        <p class="voice-reason">
          <strong>Why not:</strong> {message.reason}
        </p>
      )}
      {message.reply && (
        <div class="voice-card">
          <p class="voice-card-label">Public reply · on every new tab {period(message.reply.from, message.reply.until)}</p>
          <dl>
            <dt>You said</dt>
            <dd>{message.reply.said}</dd>
            <dt>We did</dt>
            <dd>{message.reply.did}</dd>
          </dl>
        </div>
      )}
      {message.shared && (
        <div class="voice-card">
          <p class="voice-card-label">Shared with all departments · on every new tab {period(message.shared.from, message.shared.until)}</p>
          <p class="voice-card-text">{message.shared.said}</p>
        </div>
      )}

      <div class="form-actions voice-actions">
        <button type="button" class="secondary" aria-expanded={open === 'status'} onClick={() => toggle('status')}>
          Change status
        </button>
        <button type="button" class="secondary" aria-expanded={open === 'reply'} onClick={() => toggle('reply')}>
          {message.reply ? 'Change the reply' : 'Reply in public (You said, we did)'}
        </button>
        {message.reply && (
          <BusyButton class="danger" busy={busy} onClick={takeDown}>
            Take the reply down
          </BusyButton>
        )}
        {message.kind === 'customer_said' &&
          (message.storyId ? (
            <a class="button-link" href={`#/stories/${encodeURIComponent(message.storyId)}`}>
              Open the draft story
            </a>
          ) : (
            <BusyButton class="secondary" busy={busy} onClick={makeStory}>
              Make a draft story
            </BusyButton>
          ))}
        {message.kind === 'lesson' && (
          <button type="button" class="secondary" aria-expanded={open === 'share'} onClick={() => toggle('share')}>
            {message.shared ? 'Change the shared card' : 'Share with all departments'}
          </button>
        )}
      </div>

      {(open === 'status' || open === 'reply') && (
        <VoiceReplyForm
          key={open}
          message={message}
          withReply={open === 'reply'}
          onSaved={(record) => done(record, savedNote(record))}
          onCancel={() => setOpen(undefined)}
          onConflict={conflict}
         
        />
      )}
      {open === 'share' && (
        <VoiceShareForm
          message={message}
          onSaved={(record) => done(record, record.shared ? `Shared: the lesson shows on every new tab ${period(record.shared.from, record.shared.until)}.` : 'Shared.')}
          onCancel={() => setOpen(undefined)}
          onConflict={conflict}
         
        />
      )}
      {error && <Alert message={error} />}
      <Saved message={saved} />
    </article>
  );
}
