import { beforeEach, describe, expect, it } from 'vitest';
import { insertText } from '../../../extension/lib/insert-text';
import { outlook } from '../../../extension/sites/outlook';
import { loadFixture } from '../../support/load-fixture';

describe('the outlook adapter, on a saved page', () => {
  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  it('recognises the meeting page and finds the insert target (contenteditable)', () => {
    loadFixture('outlook');
    expect(outlook.isMeetingPage(document, new URL('https://outlook.office.com/calendar/deeplink/compose'))).toBe(true);
    expect(outlook.findInsertTarget(document)?.getAttribute('aria-label')).toBe('Event body');
  });

  it('inserts text so that the page sees a real input event', () => {
    const page = loadFixture('outlook');
    const target = outlook.findInsertTarget(document)!;
    insertText(target, 'Did customers tell us they want this?');
    const text = target instanceof HTMLTextAreaElement ? target.value : target.textContent;
    expect(text).toContain('Did customers tell us they want this?');
    expect(page.recorded()).toContainEqual(expect.objectContaining({ target: 'Event body', inputType: 'insertText' }));
  });

  it('finds no card place on a page that is not a meeting', () => {
    loadFixture('not-a-meeting');
    expect(outlook.isMeetingPage(document, new URL('https://outlook.office.com/mail/inbox'))).toBe(false);
    expect(outlook.findInsertTarget(document)).toBeUndefined();
  });

  it('matches only its own site', () => {
    expect(outlook.matches.every((pattern) => pattern.startsWith('https://'))).toBe(true);
  });
});
