import { beforeEach, describe, expect, it } from 'vitest';
import { insertText } from '../../../extension/lib/insert-text';
import { zoom } from '../../../extension/sites/zoom';
import { loadFixture } from '../../support/load-fixture';

describe('the zoom adapter, on a saved page', () => {
  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  it('recognises the meeting page and finds the insert target (contenteditable)', () => {
    loadFixture('zoom');
    expect(zoom.isMeetingPage(document, new URL('https://app.zoom.us/wc/81234567890/join?fromPWA=1'))).toBe(true);
    expect(zoom.findInsertTarget(document)?.getAttribute('aria-label')).toBe('Type message here ...');
  });

  it('inserts text so that the page sees a real input event', () => {
    const page = loadFixture('zoom');
    const target = zoom.findInsertTarget(document)!;
    insertText(target, 'Did customers tell us they want this?');
    const text = target instanceof HTMLTextAreaElement ? target.value : target.textContent;
    expect(text).toContain('Did customers tell us they want this?');
    expect(page.recorded()).toContainEqual(expect.objectContaining({ target: 'Type message here ...', inputType: 'insertText' }));
  });

  it('finds no card place on a page that is not a meeting', () => {
    loadFixture('not-a-meeting');
    expect(zoom.isMeetingPage(document, new URL('https://app.zoom.us/wc/home'))).toBe(false);
    expect(zoom.findInsertTarget(document)).toBeUndefined();
  });

  it('matches only its own site', () => {
    expect(zoom.matches.every((pattern) => pattern.startsWith('https://'))).toBe(true);
  });
});
