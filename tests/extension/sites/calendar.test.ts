import { beforeEach, describe, expect, it } from 'vitest';
import { insertText } from '../../../extension/lib/insert-text';
import { calendar } from '../../../extension/sites/calendar';
import { loadFixture } from '../../support/load-fixture';

describe('the calendar adapter, on a saved page', () => {
  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  it('recognises the meeting page and finds the insert target (contenteditable)', () => {
    loadFixture('calendar');
    expect(calendar.isMeetingPage(document, new URL('https://calendar.google.com/calendar/u/0/r/week'))).toBe(true);
    expect(calendar.findInsertTarget(document)?.getAttribute('aria-label')).toBe('Description');
  });

  it('inserts text so that the page sees a real input event', () => {
    const page = loadFixture('calendar');
    const target = calendar.findInsertTarget(document)!;
    insertText(target, 'Did customers tell us they want this?');
    const text = target instanceof HTMLTextAreaElement ? target.value : target.textContent;
    expect(text).toContain('Did customers tell us they want this?');
    expect(page.recorded()).toContainEqual(expect.objectContaining({ target: 'Description', inputType: 'insertText' }));
  });

  it('finds no card place on a page that is not a meeting', () => {
    loadFixture('not-a-meeting');
    expect(calendar.isMeetingPage(document, new URL('https://calendar.google.com/calendar/u/0/r/week'))).toBe(false);
    expect(calendar.findInsertTarget(document)).toBeUndefined();
  });

  it('matches only its own site', () => {
    expect(calendar.matches.every((pattern) => pattern.startsWith('https://'))).toBe(true);
  });
});
