import { firstEditable, type SiteAdapter } from './site-adapter';

/** A Meet meeting code in the path, like /abc-defg-hij. */
const MEETING_PATH = /^\/[a-z]{3}-[a-z]{4}-[a-z]{3}(?:$|[/?])/;

export const meet: SiteAdapter = {
  id: 'meet',
  name: 'Google Meet',
  matches: ['https://meet.google.com/*'],
  isMeetingPage: (_doc, url) => MEETING_PATH.test(url.pathname),
  // The in-call chat ("In-call messages") box.
  findInsertTarget: (doc) =>
    firstEditable(doc, [
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
  meetingKey: (url) => `meet:${url.pathname.slice(1, 13)}`,
};
