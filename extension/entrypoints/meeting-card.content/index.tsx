import { localDay } from '@customer-chair/shared/domain/local-day';
import { pickDailyStory } from '@customer-chair/shared/domain/pick-daily-story';
import { pickPrompt } from '@customer-chair/shared/domain/pick-prompt';
import { agendaBlock, storyAsText, storyForChat } from '@customer-chair/shared/domain/story-as-text';
import type { ContentBundle } from '@customer-chair/shared/schemas/content-bundle';
import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { MeetingCard, type CardItem } from '../../components/meeting-card';
import { insertText, type InsertResult } from '../../lib/insert-text';
import { meetingId, readMeetingMark, updateMeetingMark } from '../../lib/meeting-memory';
import { logEvent } from '../../lib/send-to-background';
import { effectiveProfile, type Profile } from '../../lib/profile';
import { cachedBundle, collapsedCards, managedMirror, thanked, userSettings } from '../../lib/storage';
import { watchPage } from '../../lib/watch-page';
import { SITES, siteFor } from '../../sites';
import type { SiteAdapter } from '../../sites/site-adapter';
import './card.css';

/** How often, at most, the page is looked at again after it changes. */
const RECHECK_MS = 400;

export default defineContentScript({
  matches: SITES.flatMap((site) => site.matches),
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const site = siteFor(location.href);
    if (site) await watchMeetings(ctx, site);
  },
});

/**
 * Shows the customer chair card while the page is a meeting (the sites are
 * single-page apps: calls start and event editors open without a page load),
 * and keeps its buttons in step with whether the chat or editor is open.
 * It reads only the page's address, to know which meeting this is, and
 * whether the insert target exists; it never reads or sends page content.
 */
async function watchMeetings(ctx: ContentScriptContext, site: SiteAdapter): Promise<void> {
  let bundle: ContentBundle | undefined = (await cachedBundle.getValue())?.bundle;
  let collapsed = (await collapsedCards.getValue())[site.id] === true;
  // For the thank buttons: the employee's own department (never thanked) and the thanks given on any surface.
  const readProfile = async () => effectiveProfile(await userSettings.getValue(), await managedMirror.getValue());
  let profile: Profile = await readProfile();
  let thanks = await thanked.getValue();
  let meeting: { id: string; day: string; promptShown: boolean } | undefined;
  let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;

  const day = () => localDay(new Date(), bundle?.timezone ?? 'UTC');
  const story = () => (bundle ? pickDailyStory(bundle, new Date()) : undefined);
  const question = () => (bundle ? pickPrompt(bundle, new Date(), 'meeting') : undefined);

  function textOf(item: CardItem): string {
    const s = story();
    const q = question();
    if (item === 'question') return q?.text ?? '';
    if (!s) return '';
    if (item === 'agenda') return agendaBlock(s, q, site.maxTextLength);
    return site.targetKind === 'chat' ? storyForChat(s, site.maxTextLength) : storyAsText(s);
  }

  /**
   * Counts an item that went into the meeting: inserted, or copied with the
   * card's Copy button, which the user chose to paste by hand. Text put on the
   * clipboard because the field refused it is not counted: nothing reached the
   * meeting, and the user was told to paste it only as a way out.
   */
  function logUsed(item: CardItem) {
    const s = story();
    const q = question();
    if (item !== 'question' && s) void logEvent({ type: 'story_inserted', surface: site.id, storyId: s.id });
    if (item !== 'story' && q) void logEvent({ type: 'prompt_inserted', surface: site.id, promptId: q.id });
  }

  async function insert(item: CardItem): Promise<InsertResult> {
    const target = site.findInsertTarget(document);
    const result = target ? await insertText(textOf(item), target) : 'no-field';
    if (result === 'inserted') logUsed(item);
    else if (result === 'no-field') schedule();
    return result;
  }

  async function draw() {
    if (!ui || !meeting) return;
    const s = story();
    const q = question();
    render(
      <MeetingCard
        site={site}
        story={s}
        question={q}
        hasTarget={site.findInsertTarget(document) !== undefined}
        collapsed={collapsed}
        textOf={textOf}
        onInsert={insert}
        onCopied={logUsed}
        onToggle={() => void toggle()}
        onDismiss={() => void dismiss()}
        thanks={bundle ? { surface: site.id, departments: bundle.departments, profile, thanked: thanks } : undefined}
      />,
      ui.uiContainer,
    );
    // "Shown" means the question was on screen: once per meeting.
    if (q && !collapsed && !meeting.promptShown) {
      meeting.promptShown = true;
      await updateMeetingMark(meeting.id, meeting.day, { promptShown: true });
      void logEvent({ type: 'prompt_shown', surface: site.id, promptId: q.id });
    }
  }

  async function toggle() {
    collapsed = !collapsed;
    const { [site.id]: _was, ...others } = await collapsedCards.getValue();
    await collapsedCards.setValue(collapsed ? { ...others, [site.id]: true } : others);
    await draw();
  }

  async function dismiss() {
    if (meeting) await updateMeetingMark(meeting.id, meeting.day, { dismissed: true });
    remove();
  }

  function remove() {
    ui?.remove();
    ui = undefined;
  }

  async function check() {
    const url = new URL(location.href);
    if (!bundle || (!story() && !question()) || !site.isMeetingPage(document, url)) return remove();
    const today = day();
    const id = await meetingId(site.meetingKey(url), today);
    if (meeting?.id !== id) {
      const mark = await readMeetingMark(id);
      if (mark?.dismissed) {
        meeting = undefined;
        return remove();
      }
      meeting = { id, day: today, promptShown: mark?.promptShown === true };
    }
    if (!ui) {
      ui = await createShadowRootUi(ctx, {
        name: 'customer-chair-card',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        // Keys typed on the card stay there: the site's shortcuts (mute, leave…) never see them.
        isolateEvents: true,
        onMount: (container) => {
          place(container, site);
          return container;
        },
        onRemove: (container) => container && render(null, container),
      });
      ui.mount();
    }
    await draw();
  }

  // One check at a time; changes that arrive meanwhile ask for one more.
  let running: Promise<void> | undefined;
  let again = false;
  let timer: number | undefined;
  function schedule() {
    if (timer !== undefined) return;
    timer = ctx.setTimeout(() => {
      timer = undefined;
      if (running) {
        again = true;
        return;
      }
      running = check().finally(() => {
        running = undefined;
        if (again) {
          again = false;
          schedule();
        }
      });
    }, RECHECK_MS);
  }

  // The card lives in the top frame only; the chat may be in a same-origin frame (Zoom), watched as well.
  watchPage(ctx, schedule);
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  ctx.onInvalidated(
    cachedBundle.watch((next) => {
      bundle = next?.bundle;
      schedule();
    }),
  );
  ctx.onInvalidated(
    thanked.watch((next) => {
      thanks = next ?? {};
      void draw();
    }),
  );
  const reprofile = async () => {
    profile = await readProfile();
    await draw();
  };
  ctx.onInvalidated(userSettings.watch(() => void reprofile()));
  ctx.onInvalidated(managedMirror.watch(() => void reprofile()));
  await check();
}

/**
 * Pins the card to the site's free corner, above the page. The container
 * inside the shadow root is placed, not the host: WXT resets the host with
 * `all: initial !important`, which no page style can override either.
 */
function place(container: HTMLElement, site: SiteAdapter): void {
  container.style.position = 'fixed';
  container.style.zIndex = '2147483646';
  for (const [edge, px] of Object.entries(site.placement)) container.style.setProperty(edge, `${px}px`);
}
