import { describe, expect, it } from 'vitest';
import { meet } from '../../../extension/sites/meet';
import { describeSiteAdapter } from '../../support/describe-site-adapter';

describeSiteAdapter(meet, {
  meetingUrl: 'https://meet.google.com/abc-defg-hij',
  otherUrl: 'https://meet.google.com/landing',
  targetLabel: 'Send a message',
});

describe('the meet adapter, by address', () => {
  const isMeeting = (href: string) => meet.isMeetingPage(document, new URL(href));

  it.each([
    'https://meet.google.com/abc-defg-hij',
    'https://meet.google.com/abc-defg-hij?authuser=1',
    'https://meet.google.com/_meet/dhj-zsxw-uwd?ijlm=1687588631003&adhoc=1&hs=187',
    'https://meet.google.com/lookup/teamstandup',
    'https://meet.google.com/lookup/cx-weekly?authuser=0',
  ])('%s is a meeting', (href) => expect(isMeeting(href)).toBe(true));

  it.each([
    'https://meet.google.com/',
    'https://meet.google.com/landing',
    'https://meet.google.com/_meet',
    'https://meet.google.com/_meet/whoops',
    'https://meet.google.com/_meet/ready',
    'https://meet.google.com/lookup/',
  ])('%s is not a meeting', (href) => expect(isMeeting(href)).toBe(false));

  it('names an instant meeting by its code, the same as the code link, and a nickname by its name', () => {
    const key = (href: string) => meet.meetingKey(new URL(href));
    expect(key('https://meet.google.com/_meet/dhj-zsxw-uwd?adhoc=1')).toBe(key('https://meet.google.com/dhj-zsxw-uwd'));
    expect(key('https://meet.google.com/lookup/teamstandup')).toBe('meet:lookup/teamstandup');
    expect(key('https://meet.google.com/lookup/teamstandup')).not.toBe(key('https://meet.google.com/lookup/other'));
  });
});
