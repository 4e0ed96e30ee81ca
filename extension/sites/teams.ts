import { firstEditable, type SiteAdapter } from './site-adapter';

export const teams: SiteAdapter = {
  id: 'teams',
  name: 'Microsoft Teams',
  matches: ['https://teams.microsoft.com/*', 'https://teams.live.com/*'],
  // Teams is one app for chats and calls: a meeting is a join link or an open call screen.
  isMeetingPage: (doc, url) =>
    /\/(?:l\/)?meetup-join\//.test(url.pathname) ||
    /light-meetings/.test(url.pathname + url.hash) ||
    doc.querySelector('[data-tid="call-composite"], [data-tid="hangup-main-btn"], #hangup-button') !== null,
  findInsertTarget: (doc) =>
    firstEditable(doc, [
      '[data-tid="ckeditor"][contenteditable="true"]',
      '[data-tid="ckeditor"] [contenteditable="true"]',
      '[role="textbox"][contenteditable="true"][aria-label*="message" i]',
      '[contenteditable="true"][aria-label*="message" i]',
    ]),
  targetName: 'the meeting chat',
  targetKind: 'chat',
  // Bottom left: Teams keeps its call controls in the top bar and the chat on the right.
  placement: { bottom: 16, left: 16 },
  meetingKey: (url) => `teams:${url.pathname}${url.hash.split('?')[0]}`,
};
