import { firstEditable, hasElement, type SiteAdapter } from './site-adapter';

/**
 * A meeting named by the address: a join link's thread (`/l/meetup-join/19:meeting_…@thread.v2/0`,
 * also in the hash of the web client, `/v2/?meetingjoin=true#/l/meetup-join/…` or `/_#/l/meetup-join/…`,
 * as meeting bots parse them) or the numeric id of `/meet/<id>?p=…` links (`/_#/meet/<id>` on teams.live.com).
 * Sources: attendee-labs/attendee bots/meeting_url_utils.py (`/meet/<id>?p=`, `light-meetings/launch`,
 * `dl/launcher/launcher.html?url=/_#/meet/<id>`).
 */
const JOIN_LINK = /\/l\/meetup-join\/([^/?#]+)/;
const MEET_LINK = /^\/meet\/(\d{6,})/;

/**
 * Teams' in-call screen; `data-tid` is Teams' test hook and does not change with the language.
 * Sources: Vexa-ai/vexa core/meetings/modules/join/src/msteams/selectors.ts (`button[id="hangup-button"]`,
 * `button[data-tid="hangup-main-btn"]` as the in-call signal); attendee-labs/attendee
 * bots/teams_bot_adapter/teams_ui_methods.py (`[data-inp="hangup-button"], #hangup-button`).
 * `data-tid="call-composite"` appears only in unnamed extensions/bots in the searched index.
 */
const CALL_SCREEN = '[data-tid="call-composite"], [data-tid="hangup-main-btn"], #hangup-button';

function meetingFromUrl(url: URL): string | undefined {
  const hash = url.hash.replace(/^#/, '');
  for (const part of [url.pathname, hash]) {
    const thread = JOIN_LINK.exec(part)?.[1];
    if (thread) return safeDecode(thread).toLowerCase();
    const id = MEET_LINK.exec(part)?.[1];
    if (id) return `meet/${id}`;
  }
  return undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The in-call screen keeps the address `/v2/` for every call, so a call is
 * named by its screen: each call screen element gets a key once, which stays
 * while the call lasts, and the next call's new screen gets another. The
 * join link this tab opened last names the call that follows it.
 */
const callKeys = new WeakMap<Element, string>();
let lastJoinLink: string | undefined;

function callKey(doc: Document): string | undefined {
  const screen = doc.querySelector('[data-tid="call-composite"]') ?? doc.querySelector(CALL_SCREEN);
  if (!screen) return undefined;
  let key = callKeys.get(screen);
  if (!key) {
    key = lastJoinLink ?? `call/${crypto.randomUUID()}`;
    lastJoinLink = undefined;
    callKeys.set(screen, key);
  }
  return key;
}

export const teams: SiteAdapter = {
  id: 'teams',
  name: 'Microsoft Teams',
  // teams.cloud.microsoft is where Microsoft is moving the Teams web app (Vexa-ai/vexa
  // core/meetings/modules/join/src/msteams/auth-redirect.ts and clients/extension/manifest.json match it;
  // attendee-labs/attendee bots/teams_bot_adapter/teams_bot_adapter.py allow-lists `cloud.microsoft`).
  matches: ['https://teams.microsoft.com/*', 'https://teams.live.com/*', 'https://teams.cloud.microsoft/*'],
  // Teams is one app for chats and calls: a meeting is a join link or an open call screen.
  isMeetingPage: (doc, url) =>
    meetingFromUrl(url) !== undefined || /light-meetings/.test(url.pathname + url.hash) || hasElement(doc, CALL_SCREEN),
  // The compose box is CKEditor 5 (`div[data-tid="ckeditor"]`, class `ck-editor__editable`), maybe in a frame;
  // the English aria-label only as the last resort. CKEditor 5 ignores execCommand text (ckeditor/ckeditor5#17798)
  // and reverts DOM edits it did not make (#13913; "changes … have to be done through model", #11974).
  // attendee-labs/attendee bots/teams_bot_adapter/teams_bot_adapter.py finds `[aria-label="Type a message"]`
  // and sends real keystrokes / a real Ctrl+V; `data-tid="ckeditor"` itself was found only in unnamed repos.
  findInsertTarget: (doc) =>
    firstEditable(doc, [
      '[data-tid="ckeditor"][contenteditable="true"]',
      '[data-tid="ckeditor"] [contenteditable="true"]',
      '.ck-editor__editable[contenteditable="true"][role="textbox"]',
      '[role="textbox"][contenteditable="true"][aria-label*="message" i]',
      '[contenteditable="true"][aria-label*="message" i]',
    ]),
  targetName: 'the meeting chat',
  targetKind: 'chat',
  // Bottom left: Teams keeps its call controls in the top bar and the chat on the right.
  placement: { bottom: 16, left: 16 },
  meetingKey: (url, doc = document) => {
    const fromUrl = meetingFromUrl(url);
    if (fromUrl) {
      lastJoinLink = fromUrl;
      return `teams:${fromUrl}`;
    }
    return `teams:${callKey(doc) ?? url.pathname}`;
  },
};
