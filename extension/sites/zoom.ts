import { firstEditable, type SiteAdapter } from './site-adapter';

/** The web client's meeting pages: /wc/<meeting id>/join or /start. */
const MEETING_PATH = /^\/wc\/(\d{9,11})\/(?:join|start)/;

export const zoom: SiteAdapter = {
  id: 'zoom',
  name: 'Zoom',
  matches: ['https://app.zoom.us/wc/*', 'https://*.zoom.us/wc/*'],
  isMeetingPage: (_doc, url) => MEETING_PATH.test(url.pathname),
  findInsertTarget: (doc) =>
    firstEditable(doc, [
      '.chat-rtf-box__editor-outer [contenteditable="true"]',
      '[contenteditable="true"][aria-label*="message" i]',
      'textarea.chat-box__chat-textarea',
      'textarea[aria-label*="message" i]',
    ]),
  targetName: 'the meeting chat',
  targetKind: 'chat',
  // Above the footer's controls, on the left (the chat panel opens on the right).
  placement: { bottom: 80, left: 16 },
  meetingKey: (url) => `zoom:${MEETING_PATH.exec(url.pathname)?.[1] ?? url.pathname}`,
};
