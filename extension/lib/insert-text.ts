/**
 * Puts `text` into a textarea, input or contenteditable the way typing
 * would, so the page's own framework (React, Angular, ProseMirror…) sees
 * real input events and saves the text.
 */
export function insertText(target: HTMLElement, text: string): void {
  target.focus();
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) {
    const start = target.selectionStart ?? target.value.length;
    const end = target.selectionEnd ?? target.value.length;
    const next = target.value.slice(0, start) + text + target.value.slice(end);
    // React tracks `value` on the element; the prototype's setter goes around its tracker.
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(target), 'value')?.set;
    target.dispatchEvent(new InputEvent('beforeinput', { bubbles: true, cancelable: true, inputType: 'insertText', data: text }));
    if (setter) setter.call(target, next);
    else target.value = next;
    target.selectionStart = target.selectionEnd = start + text.length;
    target.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    target.dispatchEvent(new Event('change', { bubbles: true }));
    return;
  }
  // In a browser, execCommand inserts at the caret and fires beforeinput/input itself, like typing.
  const doc = target.ownerDocument;
  placeCaretAtEnd(target);
  if (typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text)) return;
  const selection = doc.getSelection();
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : doc.createRange();
  target.dispatchEvent(new InputEvent('beforeinput', { bubbles: true, cancelable: true, inputType: 'insertText', data: text }));
  range.deleteContents();
  const node = doc.createTextNode(text);
  range.insertNode(node);
  range.setStartAfter(node);
  range.collapse(true);
  target.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

function placeCaretAtEnd(target: HTMLElement): void {
  const selection = target.ownerDocument.getSelection();
  if (!selection) return;
  if (selection.rangeCount > 0 && target.contains(selection.getRangeAt(0).startContainer)) return;
  const range = target.ownerDocument.createRange();
  range.selectNodeContents(target);
  range.collapse(false);
  selection.removeAllRanges();
  selection.addRange(range);
}
