import { firstEditable, hasElement, type SiteAdapter } from './site-adapter';

// Google Calendar's ids and `jsname`s are the same in every UI language; its aria-labels are not.
// Extensions that work on the live site key on them: the full editor sets
// `body[data-viewfamily="EVENT_EDIT"]` and holds the description in `#xDescIn` (a contenteditable
// `div[jsname="yrriRe"]`, or `#xDescIn [contenteditable]` / `#xDescIn > [role="textbox"]`), the title in `#xTiIn`.
// Sources: jitsi/jidesha calendar/meet-calendar.js (`body.dataset.viewfamily === 'EVENT_EDIT'`,
// `#xDescIn` as "editable description", `#xDescIn > [role="textbox"]`). `#xDescIn div[jsname=yrriRe]` and
// `#xTiIn` were found only in unnamed extensions (a Zoom scheduler build; a Calendar title helper).
const EDITOR_SELECTORS = [
  '#xDescIn [contenteditable="true"]',
  '#xDescIn [role="textbox"]',
  '[jsname="yrriRe"][contenteditable="true"]',
  // English fallbacks (the quick-create dialog).
  '[contenteditable="true"][aria-label="Description"]',
  '[contenteditable="true"][aria-label*="description" i]',
  'textarea[aria-label*="description" i]',
];

export const calendar: SiteAdapter = {
  id: 'calendar',
  name: 'Google Calendar',
  matches: ['https://calendar.google.com/*'],
  // The full event editor (…/eventedit…, or the view marker when the path does not say so) or the
  // quick-create dialog over the grid.
  isMeetingPage: (doc, url) =>
    /\/eventedit/.test(url.pathname) ||
    hasElement(doc, 'body[data-viewfamily="EVENT_EDIT"], #xDescIn') ||
    hasElement(doc, '[role="dialog"] #xTiIn, [role="dialog"] [aria-label*="description" i], [role="dialog"] [aria-label="Add title"]'),
  findInsertTarget: (doc) => firstEditable(doc, EDITOR_SELECTORS),
  targetName: 'the event description',
  targetKind: 'agenda',
  // Bottom right, left of the side panel of add-ons.
  placement: { bottom: 24, right: 72 },
  meetingKey: (url) => `calendar:${url.pathname}`,
};
