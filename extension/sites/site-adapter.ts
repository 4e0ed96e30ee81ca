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
  /**
   * Where inserted text goes right now (chat box, agenda or description editor), if it is open.
   * It may sit in a same-origin child frame of `doc` (Zoom's web client): its `ownerDocument` says which.
   */
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
   * kept in the browser only, never sent. Sites whose address does not name
   * the meeting (Teams' in-call screen) read which call it is from `doc`.
   */
  meetingKey(url: URL, doc?: Document): string;
};

/** How deep frames are searched: Zoom nests one level; a bound keeps a hostile page from making us walk forever. */
const MAX_FRAME_DEPTH = 3;

/**
 * `doc` and the documents of its same-origin child frames, top first. A
 * cross-origin frame throws or gives `null` on `contentDocument`; it is
 * skipped. Frames are told by tag name, not `instanceof`: every window has
 * its own `HTMLIFrameElement`.
 */
export function frameDocuments(doc: Document, depth = 0): Document[] {
  const docs = [doc];
  if (depth >= MAX_FRAME_DEPTH) return docs;
  for (const frame of doc.querySelectorAll('iframe, frame')) {
    let inner: Document | null = null;
    try {
      inner = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null;
    }
    if (inner?.body) docs.push(...frameDocuments(inner, depth + 1));
  }
  return docs;
}

/** Whether `selector` matches anything in `doc` or its same-origin frames. */
export function hasElement(doc: Document, selector: string): boolean {
  return frameDocuments(doc).some((d) => d.querySelector(selector) !== null);
}

/**
 * The first element matching one of `selectors` (in order of preference) that
 * is visible and editable, in `doc` or its same-origin frames.
 */
export function firstEditable(doc: Document, selectors: string[]): HTMLElement | undefined {
  const docs = frameDocuments(doc);
  for (const selector of selectors) {
    for (const d of docs) {
      for (const element of d.querySelectorAll<HTMLElement>(selector)) {
        if (isEditable(element) && !element.closest('[hidden], [aria-hidden="true"]')) return element;
      }
    }
  }
  return undefined;
}

function isEditable(element: HTMLElement): boolean {
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'INPUT') {
    const field = element as HTMLTextAreaElement | HTMLInputElement;
    return !field.disabled && !field.readOnly;
  }
  return element.isContentEditable || element.getAttribute('contenteditable') === 'true';
}
