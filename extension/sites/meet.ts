import { firstEditable, type SiteAdapter } from './site-adapter';

/**
 * The ways a Meet meeting is in the address: its code (/abc-defg-hij), an
 * instant meeting (/_meet/abc-defg-hij?…&adhoc=1 — the form the
 * ShingZhanho/auto-gmeet.js userscript matches) and a nickname
 * (/lookup/<name>, resolved by Meet to a code; see
 * ochen1/google-meet-discord-alerter). /_meet/whoops, /_meet/ready,
 * /landing and / are not meetings.
 */
const CODE_PATH = /^\/(?:_meet\/)?([a-z]{3}-[a-z]{4}-[a-z]{3})(?:$|[/?])/;
const LOOKUP_PATH = /^\/lookup\/([A-Za-z0-9_-]+)\/?$/;

function meetingName(url: URL): string | undefined {
  const code = CODE_PATH.exec(url.pathname)?.[1];
  if (code) return code;
  const nickname = LOOKUP_PATH.exec(url.pathname)?.[1];
  return nickname ? `lookup/${nickname}` : undefined;
}

export const meet: SiteAdapter = {
  id: 'meet',
  name: 'Google Meet',
  matches: ['https://meet.google.com/*'],
  isMeetingPage: (_doc, url) => meetingName(url) !== undefined,
  // The in-call chat ("In-call messages") box. `jsname` is Meet's own hook and the same in every UI
  // language (open-source Meet chat bots select `textarea[jsname="YPqjbf"]`); the aria-labels are
  // translated, so they are only the fallback.
  // Named sources: attendee-labs/attendee bots/google_meet_bot_adapter/google_meet_chromedriver_payload.js
  // (`textarea[aria-label="Send a message"]`, value + `input` event + Enter) and Vexa-ai/vexa
  // services/vexa-bot/core/src/services/chat.ts (`textarea[aria-label*="Send a message"]`). The
  // `textarea[jsname="YPqjbf"]` selector appears only in unnamed scripts; YPqjbf is also the jsname of
  // Google's generic text fields (Meet's lobby name input in Vexa-ai/vexa
  // core/meetings/modules/join/src/googlemeet/join-cta.test.ts), so it is kept to `textarea` here.
  findInsertTarget: (doc) =>
    firstEditable(doc, [
      'textarea[jsname="YPqjbf"]',
      'textarea[aria-label*="message" i]',
      '[contenteditable="true"][aria-label*="message" i]',
      '[role="textbox"][aria-label*="message" i]',
    ]),
  targetName: 'the chat (In-call messages)',
  targetKind: 'chat',
  // Meet refuses chat messages over 500 characters.
  maxTextLength: 500,
  // Top left: the call controls and captions are at the bottom, the chat panel on the right.
  placement: { top: 16, left: 16 },
  meetingKey: (url) => `meet:${meetingName(url) ?? url.pathname}`,
};
