import { firstEditable, type SiteAdapter } from './site-adapter';

const EDITOR_SELECTORS = [
  '[contenteditable="true"][aria-label="Description"]',
  '[contenteditable="true"][aria-label*="description" i]',
  'textarea[aria-label*="description" i]',
];

export const calendar: SiteAdapter = {
  id: 'calendar',
  name: 'Google Calendar',
  matches: ['https://calendar.google.com/*'],
  // The full event editor (…/eventedit…) or the quick-create dialog over the grid.
  isMeetingPage: (doc, url) =>
    /\/eventedit/.test(url.pathname) || doc.querySelector('[role="dialog"] [aria-label*="description" i], [role="dialog"] [aria-label="Add title"]') !== null,
  findInsertTarget: (doc) => firstEditable(doc, EDITOR_SELECTORS),
  targetName: 'the event description',
  targetKind: 'agenda',
  // Bottom right, left of the side panel of add-ons.
  placement: { bottom: 24, right: 72 },
  meetingKey: (url) => `calendar:${url.pathname}`,
};
