import { pickDailyStory } from '@customer-chair/shared/domain/pick-daily-story';
import { pickPrompt } from '@customer-chair/shared/domain/pick-prompt';
import { storyAsText } from '@customer-chair/shared/domain/story-as-text';
import { browser } from 'wxt/browser';
import { insertText, type InsertResult } from './insert-text';
import type { LogRequest } from './messages';
import { showToast } from './show-toast';
import { cachedBundle } from './storage';

export const MENU_ROOT = 'customer-chair';
export const MENU_INSERT_STORY = 'insert-story';
export const MENU_INSERT_QUESTION = 'insert-question';
/** The keyboard command (declared in the manifest) that inserts the question. */
export const INSERT_QUESTION_COMMAND = 'insert-question';

type Log = (request: Omit<LogRequest, 'kind'>) => Promise<unknown>;

/**
 * "Insert anywhere": a context-menu entry on editable fields, and a keyboard
 * command, that put today's story or question into the field being edited.
 * Both run only on the user's gesture, with `activeTab` + `scripting`, so the
 * extension needs no access to the pages themselves.
 */
export function registerInsertAnywhere(log: Log): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    const what = info.menuItemId === MENU_INSERT_STORY ? 'story' : info.menuItemId === MENU_INSERT_QUESTION ? 'question' : undefined;
    if (what) void insertIntoTab(tab.id, info.frameId ?? 0, what, log);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== INSERT_QUESTION_COMMAND) return;
    void (async () => {
      const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (id !== undefined) await insertIntoTab(id, 0, 'question', log);
    })();
  });
}

/** Creates the menu entries (again) on every start: menus do not survive everywhere on their own. */
export async function createInsertMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  const contexts: ['editable'] = ['editable'];
  browser.contextMenus.create({ id: MENU_ROOT, title: 'Customer Chair', contexts });
  browser.contextMenus.create({ id: MENU_INSERT_STORY, parentId: MENU_ROOT, title: 'Insert today’s story', contexts });
  browser.contextMenus.create({ id: MENU_INSERT_QUESTION, parentId: MENU_ROOT, title: 'Insert the customer question', contexts });
}

/** Puts today's story or question into the focused field of a tab's frame, and counts it. */
export async function insertIntoTab(tabId: number, frameId: number, what: 'story' | 'question', log: Log): Promise<boolean> {
  const bundle = (await cachedBundle.getValue())?.bundle;
  const now = new Date();
  const story = bundle && pickDailyStory(bundle, now);
  const question = bundle && pickPrompt(bundle, now, 'meeting');
  const text = what === 'story' ? story && storyAsText(story) : question?.text;
  if (!text) return notify(tabId, `Customer Chair has no ${what} for today yet.`);
  let result: InsertResult | undefined;
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, func: insertText, args: [text] });
    result = frame?.result as InsertResult | undefined;
  } catch {
    // Pages the browser keeps extensions out of (its own pages, the web store) end here.
    return false;
  }
  // Only text the field took counts; text copied because the field refused it has not reached anything.
  if (result === 'copied') return notify(tabId, `Customer Chair: this field did not take the ${what}. It is copied: press Ctrl+V to paste it.`);
  if (result === 'failed') return notify(tabId, `Customer Chair: this field did not take the ${what}, and it could not be copied.`);
  if (result !== 'inserted') return notify(tabId, 'Customer Chair: click into a text field first, then try again.');
  if (what === 'story' && story) await log({ type: 'story_inserted', surface: 'context-menu', storyId: story.id });
  if (what === 'question' && question) await log({ type: 'prompt_inserted', surface: 'context-menu', promptId: question.id });
  return true;
}

async function notify(tabId: number, message: string): Promise<false> {
  await browser.scripting.executeScript({ target: { tabId }, func: showToast, args: [message] }).catch(() => undefined);
  return false;
}
