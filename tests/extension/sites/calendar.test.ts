import { beforeEach, describe, expect, it } from 'vitest';
import { calendar } from '../../../extension/sites/calendar';
import { describeSiteAdapter } from '../../support/describe-site-adapter';
import { loadFixture } from '../../support/load-fixture';

describeSiteAdapter(calendar, {
  meetingUrl: 'https://calendar.google.com/calendar/u/0/r/week',
  otherUrl: 'https://calendar.google.com/calendar/u/0/r/week',
  targetLabel: 'Description',
});

describe('the calendar adapter, by address and view marker', () => {
  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
    document.body.removeAttribute('data-viewfamily');
  });

  it.each([
    'https://calendar.google.com/calendar/u/0/r/eventedit',
    'https://calendar.google.com/calendar/u/0/r/eventedit/NmFhYjE0?pli=1',
    'https://calendar.google.com/calendar/r/eventedit?text=Planning',
  ])('%s is an event editor', (href) => expect(calendar.isMeetingPage(document, new URL(href))).toBe(true));

  it('is an event editor by body[data-viewfamily="EVENT_EDIT"] when the path does not say so', () => {
    const url = new URL('https://calendar.google.com/calendar/u/0/r/week');
    expect(calendar.isMeetingPage(document, url)).toBe(false);
    document.body.setAttribute('data-viewfamily', 'EVENT_EDIT');
    expect(calendar.isMeetingPage(document, url)).toBe(true);
    document.body.setAttribute('data-viewfamily', 'EVENT');
    expect(calendar.isMeetingPage(document, url)).toBe(false);
  });
});

describe.each([
  ['German', 'calendar-de', 'Beschreibung'],
  ['Japanese', 'calendar-ja', '説明'],
])('the calendar adapter, with the UI in %s', (_language, fixture, label) => {
  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  it('recognises the event editor and finds the description by #xDescIn, not by its translated label', () => {
    loadFixture(fixture);
    // loadFixture copies the body's content, not its attributes: the page's view marker is set as the site sets it.
    document.body.setAttribute('data-viewfamily', 'EVENT_EDIT');
    expect(calendar.isMeetingPage(document, new URL('https://calendar.google.com/calendar/u/0/r/week'))).toBe(true);
    const target = calendar.findInsertTarget(document);
    expect(target?.closest('#xDescIn')).not.toBeNull();
    expect(target?.getAttribute('aria-label')).toBe(label);
  });
});
