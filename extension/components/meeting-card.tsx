import type { Department } from '@customer-chair/shared/schemas/department';
import type { Prompt } from '@customer-chair/shared/schemas/prompt';
import type { Story } from '@customer-chair/shared/schemas/story';
import { useState } from 'preact/hooks';
import type { InsertResult } from '../lib/insert-text';
import type { Profile } from '../lib/profile';
import type { SiteAdapter } from '../sites/site-adapter';
import { CopyButton } from './copy-button';
import { RecognitionMark } from './recognition-mark';
import { ThankButtons } from './thank-buttons';

/** What the card can put into the meeting. */
export type CardItem = 'story' | 'question' | 'agenda';

type Props = {
  site: Pick<SiteAdapter, 'name' | 'targetName' | 'targetKind'>;
  story?: Story;
  question?: Prompt;
  /** Whether the site's insert target (chat box, description editor) is open now. */
  hasTarget: boolean;
  collapsed: boolean;
  /** The text each item inserts or copies (sized for this site). */
  textOf: (item: CardItem) => string;
  /** Inserts the item into the target, or copies it when the target did not take it. */
  onInsert: (item: CardItem) => Promise<InsertResult>;
  onCopied: (item: CardItem) => void;
  onToggle: () => void;
  onDismiss: () => void;
  /** For the "Thank <department>" buttons: the departments' names, the employee's own, and the thanks given on this browser. */
  thanks?: { surface: SiteAdapter['id']; departments: Pick<Department, 'id' | 'name'>[]; profile: Pick<Profile, 'department' | 'usageStatistics'>; thanked: Record<string, string> };
};

const LABELS: Record<CardItem, string> = { story: 'story', question: 'question', agenda: 'agenda block' };

/** The customer chair card on a meeting page: today's story and question, one click into the meeting. */
export function MeetingCard({ site, story, question, hasTarget, collapsed, textOf, onInsert, onCopied, onToggle, onDismiss, thanks }: Props) {
  const [status, setStatus] = useState('');
  const items = (['story', 'question', 'agenda'] as const).filter((item) => (item === 'question' ? question : story));

  async function insert(item: CardItem) {
    const result = await onInsert(item);
    if (result === 'inserted') {
      setStatus(site.targetKind === 'chat' ? `Added to ${site.targetName}. Press Enter there to send it.` : `Added to ${site.targetName}.`);
    } else if (result === 'copied') {
      // The field's editor did not take the text (and nothing of it was left there): say so, honestly.
      setStatus(`Copied: press ${pasteKeys()} in ${site.targetName} to paste it. It would not take the text directly.`);
    } else if (result === 'failed') {
      setStatus(`Could not insert into ${site.targetName}, nor copy. Use a Copy button, or type it in.`);
    } else {
      setStatus(`Could not insert: ${site.targetName} is not open.`);
    }
  }

  return (
    <section class={collapsed ? 'card collapsed' : 'card'} aria-label="Customer chair">
      <header class="bar">
        <button type="button" class="title" aria-expanded={!collapsed} onClick={onToggle} title={collapsed ? 'Show the customer chair' : 'Collapse'}>
          <span class="seat" aria-hidden="true" />
          Customer chair
          <span class="chevron" aria-hidden="true">
            {collapsed ? '▸' : '▾'}
          </span>
        </button>
        <button type="button" class="dismiss" onClick={onDismiss} aria-label="Hide for this meeting" title="Hide for this meeting">
          ×
        </button>
      </header>
      {!collapsed && (
        <div class="content">
          {story && (
            <div class="story">
              {story.recognition && <RecognitionMark mark={story.recognition} />}
              <p class="story-title">{story.title}</p>
              <p class="customer">{story.customer}</p>
              {story.quote && <blockquote class="quote">{story.quote}</blockquote>}
              {thanks && <ThankButtons story={story} departments={thanks.departments} profile={thanks.profile} surface={thanks.surface} thanked={thanks.thanked} />}
            </div>
          )}
          {question && (
            <div class="question">
              <p class="label">Ask in this meeting</p>
              <p class="question-text">{question.text}</p>
            </div>
          )}
          {hasTarget ? (
            <div class="buttons">
              {items.map((item) => (
                <button type="button" class={item === 'agenda' ? 'primary' : 'secondary'} onClick={() => void insert(item)} key={item}>
                  Insert {LABELS[item]}
                </button>
              ))}
            </div>
          ) : (
            <>
              <p class="hint">
                Open {site.targetName} to insert here — or copy, and paste it yourself.
              </p>
              <div class="buttons">
                {items.map((item) => (
                  <CopyButton key={item} label={`Copy ${LABELS[item]}`} text={() => textOf(item)} onCopied={() => onCopied(item)} />
                ))}
              </div>
            </>
          )}
          <p class="status" role="status">
            {status}
          </p>
        </div>
      )}
    </section>
  );
}

/** The paste shortcut the user knows on their system. */
function pasteKeys(): string {
  return /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘V' : 'Ctrl+V';
}
