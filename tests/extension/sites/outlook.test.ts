import { describe, expect, it } from 'vitest';
import { siteFor } from '../../../extension/sites';
import { outlook } from '../../../extension/sites/outlook';
import { describeSiteAdapter } from '../../support/describe-site-adapter';

describeSiteAdapter(outlook, {
  meetingUrl: 'https://outlook.office.com/calendar/deeplink/compose',
  otherUrl: 'https://outlook.office.com/mail/inbox',
  targetLabel: 'Event body',
});

describe('the outlook adapter, on outlook.cloud.microsoft', () => {
  it('is matched there, and its event form is a meeting page', () => {
    expect(outlook.matches).toContain('https://outlook.cloud.microsoft/*');
    expect(siteFor('https://outlook.cloud.microsoft/calendar/deeplink/compose')?.id).toBe('outlook');
    document.body.innerHTML = '';
    expect(outlook.isMeetingPage(document, new URL('https://outlook.cloud.microsoft/calendar/0/deeplink/compose'))).toBe(true);
    expect(outlook.isMeetingPage(document, new URL('https://outlook.cloud.microsoft/mail/inbox'))).toBe(false);
  });
});
