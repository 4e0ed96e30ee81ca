import { firstEditable, hasElement, type SiteAdapter } from './site-adapter';

export const outlook: SiteAdapter = {
  id: 'outlook',
  name: 'Outlook',
  // outlook.cloud.microsoft is the new address of Outlook on the web (Microsoft's cloud.microsoft domain).
  // Sources: ayoadvisors/meeting-cost (its store listing: "Outlook on the web (outlook.office.com,
  // outlook.office365.com, outlook.live.com, outlook.cloud.microsoft)"); the body editor is RoosterJS:
  // microsoft/roosterjs#2967 (maintainer on the "OWA side" of a content-model API).
  matches: ['https://outlook.office.com/*', 'https://outlook.live.com/*', 'https://outlook.office365.com/*', 'https://outlook.cloud.microsoft/*'],
  // The calendar's new-event / edit-event form (full page or pop-up); the English title labels are a fallback.
  isMeetingPage: (doc, url) =>
    /\/calendar\/(?:[^/]+\/)*(?:compose|action\/compose|deeplink\/compose|item)/.test(url.pathname) ||
    hasElement(doc, '[aria-label="Add a title"], [aria-label="Add title"]'),
  // The body is RoosterJS inside `#editorParent_<n>`, an id that does not change with the UI language
  // (public Outlook automation scripts type into `#editorParent_1 > div`); the English labels are a fallback.
  findInsertTarget: (doc) =>
    firstEditable(doc, [
      '[id^="editorParent_"] [contenteditable="true"][role="textbox"]',
      '[id^="editorParent_"] [contenteditable="true"]',
      '[contenteditable="true"][aria-label*="event body" i]',
      '[role="textbox"][contenteditable="true"][aria-label*="body" i]',
      '[contenteditable="true"][aria-label*="message body" i]',
    ]),
  targetName: 'the event body',
  targetKind: 'agenda',
  // Bottom right, clear of the form's Save / Send bar at the top.
  placement: { bottom: 24, right: 24 },
  meetingKey: (url) => `outlook:${url.pathname}`,
};
