import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { frameDocuments } from '../sites/site-adapter';

/** The changes that can open or close a chat box or an editor. */
const CHANGES: MutationObserverInit = { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'aria-hidden', 'contenteditable'] };

/**
 * Calls `onChange` whenever the page or one of its same-origin frames changes
 * (Zoom's web client runs the whole meeting, chat included, in
 * `iframe#webclient`), until the content script is invalidated.
 *
 * A frame's document comes and goes with each load of the frame, and the
 * frame may be added long after the page (Zoom adds it after "Join from your
 * browser"). Its `load` does not bubble but is seen while capturing in the
 * document that holds the frame, so each watched document is listened to
 * for it; then the frames' new documents are watched too.
 */
export function watchPage(ctx: ContentScriptContext, onChange: () => void): void {
  const watched = new WeakSet<Document>();
  const observer = new MutationObserver(onChange);
  const onLoad = () => {
    watchNewDocuments();
    onChange();
  };

  function watchNewDocuments() {
    for (const doc of frameDocuments(document)) {
      if (watched.has(doc)) continue;
      watched.add(doc);
      observer.observe(doc.body ?? doc.documentElement, CHANGES);
      ctx.addEventListener(doc, 'load', onLoad, { capture: true });
    }
  }

  watchNewDocuments();
  ctx.onInvalidated(() => observer.disconnect());
}
