import { describe, expect, it } from 'vitest';
import { insertText } from '../../../extension/lib/insert-text';
import { siteFor } from '../../../extension/sites';
import { outlook } from '../../../extension/sites/outlook';
import { describeSiteAdapter } from '../../support/describe-site-adapter';
import { loadFixture } from '../../support/load-fixture';

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

describe('the outlook adapter, with the UI in German', () => {
  it('finds the event body by its editor wrapper, not by the translated label, and inserts there', async () => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
    const page = loadFixture('outlook-de');
    expect(outlook.isMeetingPage(document, new URL('https://outlook.cloud.microsoft/calendar/deeplink/compose'))).toBe(true);
    const target = outlook.findInsertTarget(document);
    expect(target?.getAttribute('aria-label')).toBe('Nachrichtentext');
    expect(target?.parentElement?.id).toBe('editorParent_1');
    expect(await insertText('Haben Kunden danach gefragt?', target!)).toBe('inserted');
    expect(target!.textContent).toContain('Haben Kunden danach gefragt?');
    expect(page.recorded()).toContainEqual(expect.objectContaining({ target: 'Nachrichtentext', inputType: 'insertText' }));
  });

  it('finds no event body once the form is gone', () => {
    loadFixture('not-a-meeting');
    expect(outlook.findInsertTarget(document)).toBeUndefined();
  });
});
