import { actionsForRole } from '@customer-chair/shared/domain/actions-for-role';
import { pickDailyStory } from '@customer-chair/shared/domain/pick-daily-story';
import { pickPrompt } from '@customer-chair/shared/domain/pick-prompt';
import { storyAsText } from '@customer-chair/shared/domain/story-as-text';
import type { ContentBundle } from '@customer-chair/shared/schemas/content-bundle';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { INSERT_QUESTION_COMMAND } from '../lib/insert-anywhere';
import { watchManagedSettings } from '../lib/managed-settings';
import { effectiveProfile, type Profile } from '../lib/profile';
import { logEvent } from '../lib/send-to-background';
import { cachedBundle, syncStatus, thanked, userSettings, type SyncStatus } from '../lib/storage';
import { ActionList } from './action-list';
import { CopyButton } from './copy-button';
import { StoryCard } from './story-card';
import { ThankButtons } from './thank-buttons';

type Props = {
  bundle: ContentBundle;
  profile: Profile;
  sync: SyncStatus;
  fromServer: boolean;
  now: Date;
  /** The keyboard shortcut that inserts the question, when one is assigned. */
  shortcut?: string;
  /** `local:thanked`. */
  thanked?: Record<string, string>;
};

/** The toolbar popup: the story in short and the question, ready to copy into a meeting. */
export function Popup({ bundle, profile, sync, fromServer, now, shortcut, thanked = {} }: Props) {
  const story = pickDailyStory(bundle, now);
  const question = pickPrompt(bundle, now, 'meeting');
  const role = bundle.roles.find((r) => r.id === profile.role);
  return (
    <div class="page">
      <header class="brand">Customer Chair</header>
      {story && <StoryCard story={story} compact />}
      <div class="row">
        {story && (
          <CopyButton
            label="Copy story"
            text={() => storyAsText(story)}
            onCopied={() => void logEvent({ type: 'story_shared', surface: 'popup', storyId: story.id })}
          />
        )}
        {story && <ThankButtons story={story} departments={bundle.departments} profile={profile} surface="popup" thanked={thanked} />}
      </div>
      {question && (
        <section class="question" aria-labelledby="question-title">
          <h2 id="question-title">Ask in your next meeting</h2>
          <p class="question-text">{question.text}</p>
          <div class="row">
            <CopyButton label="Copy question" text={() => question.text} />
          </div>
          <p class="hint">
            In a meeting on Meet, Zoom, Teams, Google Calendar or Outlook, the customer chair card inserts it for you.
            {shortcut && ` In any text field, press ${shortcut}.`}
          </p>
        </section>
      )}
      <ActionList actions={actionsForRole(bundle, profile.role)} roleName={role?.name} surface="popup" />
      <p class="quiet">
        <a href="/nominate.html" target="_blank">
          Nominate your team’s customer win
        </a>
      </p>
      <p class="quiet">
        <a href="/voice.html" target="_blank">
          Tell the CX team what a customer told you
        </a>
      </p>
      <footer class="sync">
        <span role="status">{syncLine(sync, fromServer)}</span>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings
        </button>
      </footer>
    </div>
  );
}

function syncLine(sync: SyncStatus, fromServer: boolean): string {
  if (sync.result === 'error') return `Sync problem: ${sync.error ?? 'unknown'}`;
  if (!fromServer) return 'Showing demo content (not synced yet)';
  return sync.lastSuccessAt ? `Synced ${new Date(sync.lastSuccessAt).toLocaleString()}` : 'Synced';
}

/**
 * Renders the popup into `root` from storage.local alone (the managed values
 * from their mirror), then again when storage.managed answers, which takes
 * seconds on a fresh Chromium profile.
 */
export async function mountPopup(root: HTMLElement, signal: AbortSignal = new AbortController().signal): Promise<void> {
  const [cached, user, sync, thanks, commands] = await Promise.all([
    cachedBundle.getValue(),
    userSettings.getValue(),
    syncStatus.getValue(),
    thanked.getValue(),
    Promise.resolve()
      .then(() => browser.commands.getAll())
      .catch(() => []),
  ]);
  // The key the employee (or the browser) actually assigned; empty when none is.
  const shortcut = commands.find((c) => c.name === INSERT_QUESTION_COMMAND)?.shortcut || undefined;
  const bundle = cached?.bundle ?? (await import('../lib/demo-bundle')).demoBundle();
  const now = new Date();
  await watchManagedSettings(
    (managed) =>
      render(
        <Popup bundle={bundle} profile={effectiveProfile(user, managed)} sync={sync} fromServer={cached?.source === 'server'} now={now} shortcut={shortcut} thanked={thanks} />,
        root,
      ),
    signal,
  );
}
