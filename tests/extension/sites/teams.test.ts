import { beforeEach, describe, expect, it } from 'vitest';
import { siteFor } from '../../../extension/sites';
import { teams } from '../../../extension/sites/teams';
import { describeSiteAdapter } from '../../support/describe-site-adapter';
import { loadFixture } from '../../support/load-fixture';

describeSiteAdapter(teams, {
  meetingUrl: 'https://teams.microsoft.com/v2/',
  otherUrl: 'https://teams.microsoft.com/v2/',
  targetLabel: 'Type a message',
});

const THREAD = '19%3ameeting_NmIzYTU5M2UtMzE0Yy00MTA4@thread.v2';

describe('the teams adapter, by address', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });
  const isMeeting = (href: string) => teams.isMeetingPage(document, new URL(href));

  it.each([
    `https://teams.microsoft.com/l/meetup-join/${THREAD}/0?context=%7b%22Tid%22%3a%22t%22%7d`,
    `https://teams.microsoft.com/v2/?meetingjoin=true#/l/meetup-join/${THREAD}/0?context=abc&anon=true`,
    `https://teams.microsoft.com/_#/l/meetup-join/${THREAD}/0`,
    `https://teams.cloud.microsoft/v2/?meetingjoin=true#/l/meetup-join/${THREAD}/0`,
    'https://teams.microsoft.com/meet/387869479301?p=O730PkMrirm0y8UPmk',
    'https://teams.live.com/meet/9487829875851?p=abc',
    'https://teams.live.com/_#/meet/9487829875851?anon=true',
  ])('%s is a meeting', (href) => expect(isMeeting(href)).toBe(true));

  it.each([
    'https://teams.microsoft.com/v2/',
    'https://teams.cloud.microsoft/v2/',
    'https://teams.microsoft.com/_#/conversations/19:abc@thread.v2',
    'https://teams.microsoft.com/meet/',
  ])('%s is not a meeting without a call screen', (href) => expect(isMeeting(href)).toBe(false));

  it('names a join link by its thread, in the path or in the hash alike', () => {
    const key = (href: string) => teams.meetingKey(new URL(href), document);
    expect(key(`https://teams.microsoft.com/v2/?meetingjoin=true#/l/meetup-join/${THREAD}/0?context=abc`)).toBe(
      key(`https://teams.microsoft.com/l/meetup-join/${THREAD}/0?context=x`),
    );
    expect(key('https://teams.microsoft.com/meet/387869479301?p=a')).toBe('teams:meet/387869479301');
  });

  it('is matched on teams.cloud.microsoft, and the built manifest gets the host from here', () => {
    expect(teams.matches).toContain('https://teams.cloud.microsoft/*');
    expect(siteFor('https://teams.cloud.microsoft/v2/')?.id).toBe('teams');
    expect(siteFor('https://teams.cloud.microsoft.evil.example/v2/')).toBeUndefined();
  });
});

describe('the teams adapter, on the in-call screen at /v2/', () => {
  const V2 = new URL('https://teams.microsoft.com/v2/');
  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  it('gives two calls on the same address two meeting keys, and one call the same key at every check', () => {
    loadFixture('teams');
    const first = teams.meetingKey(V2, document);
    expect(teams.meetingKey(V2, document)).toBe(first);
    // The call ends (the call screen goes), the next call opens a new one: the address is /v2/ throughout.
    document.body.innerHTML = '';
    expect(teams.isMeetingPage(document, V2)).toBe(false);
    loadFixture('teams');
    const second = teams.meetingKey(V2, document);
    expect(second).not.toBe(first);
    expect(teams.meetingKey(V2, document)).toBe(second);
  });

  it('keeps the join link’s name when the join link turns into the call screen at /v2/', () => {
    const joined = teams.meetingKey(new URL(`https://teams.microsoft.com/v2/?meetingjoin=true#/l/meetup-join/${THREAD}/0`), document);
    loadFixture('teams');
    expect(teams.meetingKey(V2, document)).toBe(joined);
  });
});

describe.each([
  ['German', 'teams-de', 'Nachricht eingeben'],
  ['Japanese', 'teams-ja', 'メッセージを入力'],
])('the teams adapter, with the UI in %s', (_language, fixture, label) => {
  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  it('recognises the call and finds the CKEditor compose box by data-tid, not by its translated label', () => {
    loadFixture(fixture);
    expect(teams.isMeetingPage(document, new URL('https://teams.cloud.microsoft/v2/'))).toBe(true);
    const target = teams.findInsertTarget(document);
    expect(target?.getAttribute('data-tid')).toBe('ckeditor');
    expect(target?.getAttribute('aria-label')).toBe(label);
  });
});
