import { beforeEach, describe, expect, it } from 'vitest';
import { insertText } from '../../../extension/lib/insert-text';
import { meet } from '../../../extension/sites/meet';
import { loadFixture } from '../../support/load-fixture';

describe('the meet adapter, on a saved page', () => {
  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  it('recognises the meeting page and finds the insert target (textarea)', () => {
    loadFixture('meet');
    expect(meet.isMeetingPage(document, new URL('https://meet.google.com/abc-defg-hij'))).toBe(true);
    expect(meet.findInsertTarget(document)?.getAttribute('aria-label')).toBe('Send a message');
  });

  it('inserts text so that the page sees a real input event', () => {
    const page = loadFixture('meet');
    const target = meet.findInsertTarget(document)!;
    insertText(target, 'Did customers tell us they want this?');
    const text = target instanceof HTMLTextAreaElement ? target.value : target.textContent;
    expect(text).toContain('Did customers tell us they want this?');
    expect(page.recorded()).toContainEqual(expect.objectContaining({ target: 'Send a message', inputType: 'insertText' }));
  });

  it('finds no card place on a page that is not a meeting', () => {
    loadFixture('not-a-meeting');
    expect(meet.isMeetingPage(document, new URL('https://meet.google.com/landing'))).toBe(false);
    expect(meet.findInsertTarget(document)).toBeUndefined();
  });

  it('matches only its own site', () => {
    expect(meet.matches.every((pattern) => pattern.startsWith('https://'))).toBe(true);
  });
});
