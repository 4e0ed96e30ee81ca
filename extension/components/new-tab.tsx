import { actionsForRole } from '@customer-chair/shared/domain/actions-for-role';
import { pickDailyStory } from '@customer-chair/shared/domain/pick-daily-story';
import { pickPrompt } from '@customer-chair/shared/domain/pick-prompt';
import { storyAsText } from '@customer-chair/shared/domain/story-as-text';
import type { ContentBundle } from '@customer-chair/shared/schemas/content-bundle';
import { useEffect, useState } from 'preact/hooks';
import { needsProfile, type Profile } from '../lib/profile';
import { logEvent } from '../lib/send-to-background';
import type { CachedValidation } from '../lib/storage';
import { ActionList } from './action-list';
import { CopyButton } from './copy-button';
import { ProfilePicker } from './profile-picker';
import { StoryCard } from './story-card';
import { ThankButtons } from './thank-buttons';
import { ValidationLine } from './validation-line';
import { VoiceCards } from './voice-cards';

/**
 * The employee's daily surface: today's story, the question, and actions for
 * their role. It may first be painted from a snapshot; only once `confirmed`
 * (extension storage agrees) is the story counted as viewed, so a story
 * replaced a moment later by fresher content is never counted.
 */
export function NewTab({
  bundle,
  profile: initial,
  now,
  confirmed = true,
  validation,
  thanked = {},
  saveProfile: save,
}: {
  bundle: ContentBundle;
  profile: Profile;
  now: Date;
  confirmed?: boolean;
  /** The own department's figures as last synced (shown only when they are that department's). */
  validation?: CachedValidation | null;
  /** `local:thanked`, as last read. */
  thanked?: Record<string, string>;
  saveProfile: (choice: { department: string; role: string }) => Promise<void>;
}) {
  const [profile, setProfile] = useState(initial);
  const story = pickDailyStory(bundle, now);
  const question = pickPrompt(bundle, now, 'newtab');
  const role = bundle.roles.find((r) => r.id === profile.role);
  const asking = needsProfile(profile);

  useEffect(() => {
    if (story && !asking && confirmed) void logEvent({ type: 'story_viewed', surface: 'newtab', storyId: story.id });
  }, [story?.id, asking, confirmed]);

  async function saveProfile(choice: { department: string; role: string }) {
    await save(choice);
    setProfile({ ...profile, ...choice });
  }

  if (asking) {
    return (
      <div class="page first-run">
        <header class="brand">Customer Chair</header>
        <section class="welcome" aria-labelledby="welcome-title">
          <h1 id="welcome-title">Every day, one customer at your table.</h1>
          <p>Tell us where you work, and each new tab will bring you a real customer story and things you can do for customers in your role.</p>
          <ProfilePicker departments={bundle.departments} roles={bundle.roles} profile={profile} onSave={saveProfile} />
          <p class="privacy">Nothing about you is sent: only your department and role, and which stories and actions were used — never your name, e-mail or the pages you visit.</p>
        </section>
      </div>
    );
  }

  return (
    <div class="page">
      <header class="brand">Customer Chair</header>
      {story ? (
        <>
          <StoryCard story={story} />
          <div class="row">
            <CopyButton
              label="Share"
              accessibleName="Share this story (copies it as text)"
              text={() => storyAsText(story)}
              onCopied={() => void logEvent({ type: 'story_shared', surface: 'newtab', storyId: story.id })}
            />
            <ThankButtons story={story} departments={bundle.departments} profile={profile} surface="newtab" thanked={thanked} />
          </div>
        </>
      ) : (
        <p class="empty">No customer story is published yet. Your CX team adds them on the Customer Chair server.</p>
      )}
      {question && (
        <section class="question" aria-labelledby="question-title">
          <h2 id="question-title">The customer-chair question</h2>
          <p class="question-text">{question.text}</p>
        </section>
      )}
      <ActionList actions={actionsForRole(bundle, profile.role)} roleName={role?.name} surface="newtab" />
      <ValidationLine validation={validation} department={profile.department} departments={bundle.departments} />
      <VoiceCards bundle={bundle} now={now} />
      <p class="quiet">
        <a href="/nominate.html">Nominate your team’s customer win</a>
        <span aria-hidden="true"> · </span>
        <a href="/voice.html">Tell the CX team what a customer told you</a>
      </p>
    </div>
  );
}
