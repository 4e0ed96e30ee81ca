import type { Surface } from '@customer-chair/shared/schemas/usage-event';

/** Everything site-specific about one meeting site, so content scripts hold no selectors. */
export type SiteAdapter = {
  /** Also the `surface` of the events logged there. */
  id: Extract<Surface, 'meet' | 'zoom' | 'teams' | 'calendar' | 'outlook'>;
  name: string;
  /** Match patterns for the manifest (content script and host permissions). */
  matches: string[];
  /** Whether this page is a meeting or an event editor, where the customer chair card belongs. */
  isMeetingPage(doc: Document, url: URL): boolean;
  /** Where inserted text goes right now (chat box, agenda or description editor), if it is open. */
  findInsertTarget(doc: Document): HTMLElement | undefined;
  /** What the insert target is, in words, for "open the … to insert". */
  targetName: string;
  /**
   * A meeting chat gets short texts (the story in a few lines); an event's
   * description or agenda gets the whole story.
   */
  targetKind: 'chat' | 'agenda';
  /** The longest message the site accepts, when it has a limit. */
  maxTextLength?: number;
  /** Where the card sits (px from the viewport's edges), clear of the site's own controls. */
  placement: Partial<Record<'top' | 'right' | 'bottom' | 'left', number>>;
  /**
   * Names this meeting for "once per meeting" and "dismissed for this meeting";
   * kept in the browser only, never sent.
   */
  meetingKey(url: URL): string;
};

/** The first element matching one of `selectors` that is visible and editable. */
export function firstEditable(doc: Document, selectors: string[]): HTMLElement | undefined {
  for (const selector of selectors) {
    for (const element of doc.querySelectorAll<HTMLElement>(selector)) {
      if (isEditable(element) && !element.closest('[hidden], [aria-hidden="true"]')) return element;
    }
  }
  return undefined;
}

function isEditable(element: HTMLElement): boolean {
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) return !element.disabled && !element.readOnly;
  return element.isContentEditable || element.getAttribute('contenteditable') === 'true';
}
