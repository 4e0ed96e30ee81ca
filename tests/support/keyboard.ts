import type { Page } from 'playwright-core';

/**
 * The element that has the keyboard focus, through open shadow roots (the
 * meeting card's), as "button Insert question": its tag and accessible name
 * as far as a test needs it (aria-label, its label, else its text).
 */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element || element === document.body) return 'body';
    const labelled = element.getAttribute('aria-labelledby');
    const name =
      element.getAttribute('aria-label') ??
      (labelled ? (element.getRootNode() as Document).getElementById(labelled)?.textContent : null) ??
      (element as HTMLInputElement).labels?.[0]?.textContent ??
      element.textContent ??
      '';
    const type = element instanceof HTMLInputElement ? `[${element.type}]` : '';
    const box = element.getBoundingClientRect();
    // A stop that cannot be seen is a problem of its own: said so, for tabTo to fail on it.
    const unseen = box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden' ? ' (invisible)' : '';
    return `${element.tagName.toLowerCase()}${type} ${name.replace(/\s+/g, ' ').trim()}${unseen}`;
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focus is on an element whose
 * `focused()` description matches (none when it is there already), as
 * someone with only a keyboard would; fails listing every stop on the way
 * when one cannot be seen, or the target is not reached in `max` presses
 * (a keyboard trap shows as the same stop again and again).
 */
export async function tabTo(page: Page, target: RegExp, options: { backwards?: boolean; max?: number } = {}): Promise<string[]> {
  const start = await focused(page);
  if (target.test(start)) return [start];
  const stops: string[] = [];
  const key = options.backwards ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < (options.max ?? 60); i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    stops.push(now);
    if (now.endsWith('(invisible)')) throw new Error(`${key} stopped on something that cannot be seen: ${now}; the focus went:\n  ${stops.join('\n  ')}`);
    if (target.test(now)) return stops;
  }
  throw new Error(`${target} not reached with ${key}; the focus went:\n  ${stops.join('\n  ')}`);
}
