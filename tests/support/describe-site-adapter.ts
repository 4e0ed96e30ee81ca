import { beforeEach, describe, expect, it } from 'vitest';
import { insertText } from '../../extension/lib/insert-text';
import type { SiteAdapter } from '../../extension/sites/site-adapter';
import { loadFixture } from './load-fixture';

type Case = {
  /** A URL of a meeting (or event editor) on the site. */
  meetingUrl: string;
  /** A URL of the same site that is not a meeting. */
  otherUrl: string;
  /** The accessible name of the field text must go into, on the saved page. */
  targetLabel: string;
};

/** The behaviour every site adapter must have, checked on the site's saved page (tests/extension/fixtures/<id>.html). */
export function describeSiteAdapter(adapter: SiteAdapter, { meetingUrl, otherUrl, targetLabel }: Case): void {
  describe(`the ${adapter.id} adapter, on a saved page`, () => {
    beforeEach(() => {
      document.head.innerHTML = '';
      document.body.innerHTML = '';
    });

    it('recognises the meeting page and finds the insert target', () => {
      loadFixture(adapter.id);
      expect(adapter.isMeetingPage(document, new URL(meetingUrl))).toBe(true);
      expect(adapter.findInsertTarget(document)?.getAttribute('aria-label')).toBe(targetLabel);
    });

    it('inserts text so that the page sees a real input event', async () => {
      const page = loadFixture(adapter.id);
      const target = adapter.findInsertTarget(document)!;
      expect(await insertText('Did customers tell us they want this?', target)).toBe('inserted');
      const text = target instanceof HTMLTextAreaElement ? target.value : target.textContent;
      expect(text).toContain('Did customers tell us they want this?');
      expect(page.recorded()).toContainEqual(expect.objectContaining({ target: targetLabel, inputType: 'insertText' }));
    });

    it('finds no card place on a page that is not a meeting', () => {
      loadFixture('not-a-meeting');
      expect(adapter.isMeetingPage(document, new URL(otherUrl))).toBe(false);
      expect(adapter.findInsertTarget(document)).toBeUndefined();
    });

    it('matches only https pages', () => {
      expect(adapter.matches.every((pattern) => pattern.startsWith('https://'))).toBe(true);
    });
  });
}
