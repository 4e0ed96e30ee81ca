/**
 * Puts `text` into `target` (or, without one, into the field that has the
 * focus) the way typing would, so the page's own framework (React,
 * Angular, ProseMirror, CKEditor…) sees real input events and saves it.
 * Returns false when there is no editable field to put it in.
 *
 * Self-contained on purpose: the background also runs it in a tab through
 * `scripting.executeScript`, which sends the function's source alone.
 */
export function insertText(text: string, target?: HTMLElement | null): boolean {
  // Tag names, not instanceof: a field inside a frame belongs to another window.
  const isTextField = (el: Element): el is HTMLTextAreaElement | HTMLInputElement =>
    el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && /^(text|search|url|email|)$/.test((el as HTMLInputElement).type));
  const editable = (el: Element | null | undefined): el is HTMLElement => {
    if (!el) return false;
    if (isTextField(el)) return !el.disabled && !el.readOnly;
    // isContentEditable, or the attribute for DOMs that do not compute it.
    return (el as HTMLElement).isContentEditable === true || el.closest('[contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]') !== null;
  };
  /** The focused element, looking into open shadow roots and same-origin frames. */
  const focused = (): Element | null => {
    let el: Element | null = document.activeElement;
    for (;;) {
      if (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      else if (el?.tagName === 'IFRAME' && (el as HTMLIFrameElement).contentDocument?.activeElement) {
        el = (el as HTMLIFrameElement).contentDocument!.activeElement;
      } else return el;
    }
  };

  const field = target ?? focused();
  if (!editable(field)) return false;
  const doc = field.ownerDocument;
  const view = doc.defaultView ?? window;
  field.focus();

  // In a browser, execCommand inserts at the caret as typing does: trusted beforeinput/input
  // events, and the user's Ctrl+Z takes it back. The page's framework applies it through its model.
  const typed = () => typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text);

  if (isTextField(field)) {
    if (typed()) return true;
    // Where execCommand is missing, set the value and fire the events typing would.
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? field.value.length;
    const next = field.value.slice(0, start) + text + field.value.slice(end);
    const before = new view.InputEvent('beforeinput', { bubbles: true, cancelable: true, inputType: 'insertText', data: text });
    if (!field.dispatchEvent(before)) return false;
    // React tracks `value` on the element; the prototype's setter goes around its tracker.
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set;
    if (setter) setter.call(field, next);
    else field.value = next;
    field.selectionStart = field.selectionEnd = start + text.length;
    field.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    field.dispatchEvent(new view.Event('change', { bubbles: true }));
    return true;
  }

  // Keep the caret where the user left it in this field; otherwise put it at the end.
  const selection = doc.getSelection();
  if (selection && !(selection.rangeCount > 0 && field.contains(selection.getRangeAt(0).startContainer))) {
    const range = doc.createRange();
    range.selectNodeContents(field);
    range.collapse(false);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  if (typed()) return true;
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : doc.createRange();
  const before = new view.InputEvent('beforeinput', { bubbles: true, cancelable: true, inputType: 'insertText', data: text });
  // An editor that cancels beforeinput (Lexical, Slate) applies the text from the event itself.
  if (!field.dispatchEvent(before)) return true;
  range.deleteContents();
  const node = doc.createTextNode(text);
  range.insertNode(node);
  range.setStartAfter(node);
  range.collapse(true);
  field.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  return true;
}
