import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Under happy-dom, import.meta.url is not a file URL; tests run from the repository root.
const FIXTURES = join(process.cwd(), 'tests/extension/fixtures');

export type RecordedInput = { target: string; inputType: string | null; data: string | null };

/**
 * Loads a saved meeting-site page into the test's DOM and runs its recording
 * script, so `recorded()` returns the input events the page itself saw.
 */
export function loadFixture(name: string): { recorded: () => RecordedInput[] } {
  const html = readFileSync(join(FIXTURES, `${name}.html`), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const scripts = [...parsed.querySelectorAll('script')];
  for (const script of scripts) script.remove();
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  // Run the page's scripts here (the shared recorder is referenced by src, as a browser would load it).
  for (const script of scripts) {
    const src = script.getAttribute('src');
    new Function(src ? readFileSync(join(FIXTURES, src), 'utf8') : (script.textContent ?? ''))();
  }
  return { recorded: () => (window as unknown as { __inputEvents: RecordedInput[] }).__inputEvents };
}
