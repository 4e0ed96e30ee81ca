/**
 * What became of an insert: the field's own editor took the text
 * ('inserted'); the field did not, so the text is on the clipboard to paste
 * by hand ('copied'); neither worked ('failed'); or there was no editable
 * field ('no-field').
 */
export type InsertResult = 'inserted' | 'copied' | 'failed' | 'no-field';

/**
 * Puts `text` into `target` (or, without one, into the field that has the
 * focus) so that the page's own editor takes it into its model, then reads
 * the field back: it must hold the text exactly once more than before.
 *
 * Editors that keep a model (CKEditor 5, ProseMirror/TipTap, Lexical,
 * RoosterJS) ignore or revert DOM changes they did not make, and Chrome's
 * `execCommand('insertText')` fires no `beforeinput` (ckeditor5#17798), so
 * the editor is offered the text the ways it listens for: a cancelable
 * `beforeinput` first, then a `paste` with a DataTransfer. Only a field that
 * takes neither (a textarea, a plain contenteditable) gets native input.
 * When the text did not land exactly once, what changed is undone where
 * possible and the text goes to the clipboard instead: never twice, half,
 * or only in the DOM.
 *
 * Self-contained on purpose: the background also runs it in a tab through
 * `scripting.executeScript`, which sends the function's source alone.
 */
export async function insertText(text: string, target?: HTMLElement | null): Promise<InsertResult> {
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

  const found = target ?? focused();
  if (!editable(found)) return 'no-field';
  // Inside an editor, the editing host is the field whose text is read back.
  let field: HTMLElement = found;
  if (!isTextField(field)) {
    while (field.parentElement && field.parentElement.isContentEditable) field = field.parentElement;
  }
  const doc = field.ownerDocument;
  const view = doc.defaultView ?? window;
  // Editors update their model and the DOM in microtasks and observers; a short wait lets them finish (or revert).
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 60));

  // The text as the field shows it, whitespace dropped: editors turn line breaks into paragraphs.
  const squash = (s: string) => s.replace(/\s+/g, '');
  const read = () => squash(isTextField(field) ? field.value : (field.innerText ?? field.textContent ?? ''));
  const wanted = squash(text);
  const count = (s: string) => (wanted ? s.split(wanted).length - 1 : 0);
  const before = read();
  const valueBefore = isTextField(field) ? field.value : undefined;
  /** 'once' when the field holds the text exactly once more (replacing a selection may shorten it), 'none' when untouched. */
  const outcome = (): 'once' | 'none' | 'wrong' => {
    const now = read();
    if (now === before) return 'none';
    return count(now) === count(before) + 1 && now.length <= before.length + wanted.length ? 'once' : 'wrong';
  };

  field.focus();
  if (!isTextField(field)) {
    // Keep the caret where the user left it in this field; otherwise put it at the end.
    const selection = doc.getSelection();
    if (selection && !(selection.rangeCount > 0 && field.contains(selection.getRangeAt(0).startContainer))) {
      const range = doc.createRange();
      range.selectNodeContents(field);
      range.collapse(false);
      selection.removeAllRanges();
      selection.addRange(range);
    }
    // Editors learn of the caret from `selectionchange`, which comes later.
    await settle();
  }

  const transfer = () => {
    try {
      const data = new view.DataTransfer();
      data.setData('text/plain', text);
      return data;
    } catch {
      return undefined;
    }
  };
  /** Offers the text as typing would announce it; an editor that takes it cancels the event. */
  const beforeInput = () =>
    !field.dispatchEvent(new view.InputEvent('beforeinput', { bubbles: true, cancelable: true, composed: true, inputType: 'insertText', data: text }));
  /** Offers the text as a paste; a synthetic paste has no default action, so only an editor's handler can insert it. */
  const paste = () => {
    const clipboardData = transfer();
    if (!clipboardData) return false;
    // Firefox drops `clipboardData` from a paste a page builds, but keeps `dataType`/`data` (its older
    // ClipboardEventInit), which editors' paste handlers fall back to; Chrome ignores those two fields.
    const init = { bubbles: true, cancelable: true, composed: true, clipboardData, dataType: 'text/plain', data: text } as ClipboardEventInit;
    return !field.dispatchEvent(new view.ClipboardEvent('paste', init));
  };
  /** Native input: in a browser, execCommand inserts at the caret with trusted events, and Ctrl+Z takes it back. */
  const native = () => {
    if (typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text)) return;
    if (!isTextField(field)) {
      const selection = doc.getSelection();
      if (!selection || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      range.deleteContents();
      const node = doc.createTextNode(text);
      range.insertNode(node);
      range.setStartAfter(node);
      range.collapse(true);
      field.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
      return;
    }
    // Where execCommand is missing, set the value and fire the events typing would.
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? field.value.length;
    const next = field.value.slice(0, start) + text + field.value.slice(end);
    // React tracks `value` on the element; the prototype's setter goes around its tracker.
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set;
    if (setter) setter.call(field, next);
    else field.value = next;
    field.selectionStart = field.selectionEnd = start + text.length;
    field.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    field.dispatchEvent(new view.Event('change', { bubbles: true }));
  };
  /** Takes back a wrong change: the editor's own undo (Ctrl+Z), the browser's, and for a text field its old value. */
  const undo = async () => {
    for (const meta of [false, true]) {
      field.dispatchEvent(new view.KeyboardEvent('keydown', { key: 'z', code: 'KeyZ', ctrlKey: !meta, metaKey: meta, bubbles: true, cancelable: true }));
      await settle();
      if (read() === before) return;
    }
    if (typeof doc.execCommand === 'function') doc.execCommand('undo');
    await settle();
    if (read() !== before && isTextField(field) && valueBefore !== undefined) {
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set?.call(field, valueBefore);
      field.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'historyUndo' }));
    }
  };

  let taken = false;
  const attempts: Array<() => boolean | void> = isTextField(field) ? [native] : [beforeInput, paste, native];
  for (const attempt of attempts) {
    // Native input only where no editor claimed the text: a model editor would revert it, or keep it only in the DOM.
    if (attempt === native && taken) break;
    let claimed = false;
    try {
      claimed = attempt() === true;
    } catch {
      // An event this browser cannot build (an old DataTransfer): the next way is tried.
    }
    await settle();
    const result = outcome();
    if (result === 'once') return 'inserted';
    if (result === 'wrong') {
      await undo();
      break;
    }
    taken ||= claimed;
  }

  // The field did not take the text: put it on the clipboard for the user to paste.
  try {
    await view.navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    // No permission or no focus for the async clipboard: the older copy command, from a hidden textarea.
    const scratch = doc.createElement('textarea');
    scratch.value = text;
    scratch.setAttribute('readonly', '');
    scratch.style.cssText = 'position:fixed;top:0;left:0;opacity:0;pointer-events:none';
    doc.body.append(scratch);
    scratch.select();
    const copied = typeof doc.execCommand === 'function' && doc.execCommand('copy');
    scratch.remove();
    field.focus();
    return copied ? 'copied' : 'failed';
  }
}
