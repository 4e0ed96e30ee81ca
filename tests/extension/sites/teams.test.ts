import { beforeEach, describe, expect, it } from 'vitest';
import { insertText } from '../../../extension/lib/insert-text';
import { teams } from '../../../extension/sites/teams';
import { loadFixture } from '../../support/load-fixture';

describe('the teams adapter, on a saved page', () => {
  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  it('recognises the meeting page and finds the insert target (contenteditable)', () => {
    loadFixture('teams');
    expect(teams.isMeetingPage(document, new URL('https://teams.microsoft.com/v2/'))).toBe(true);
    expect(teams.findInsertTarget(document)?.getAttribute('aria-label')).toBe('Type a message');
  });

  it('inserts text so that the page sees a real input event', () => {
    const page = loadFixture('teams');
    const target = teams.findInsertTarget(document)!;
    insertText(target, 'Did customers tell us they want this?');
    const text = target instanceof HTMLTextAreaElement ? target.value : target.textContent;
    expect(text).toContain('Did customers tell us they want this?');
    expect(page.recorded()).toContainEqual(expect.objectContaining({ target: 'Type a message', inputType: 'insertText' }));
  });

  it('finds no card place on a page that is not a meeting', () => {
    loadFixture('not-a-meeting');
    expect(teams.isMeetingPage(document, new URL('https://teams.microsoft.com/v2/'))).toBe(false);
    expect(teams.findInsertTarget(document)).toBeUndefined();
  });

  it('matches only its own site', () => {
    expect(teams.matches.every((pattern) => pattern.startsWith('https://'))).toBe(true);
  });
});
