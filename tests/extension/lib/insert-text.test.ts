import { beforeEach, describe, expect, it, vi } from 'vitest';
import { insertText } from '../../../extension/lib/insert-text';

/** Records the input events the page sees, as a page's framework would listen for them. */
function listen(): Array<{ type: string; inputType: string; data: string | null }> {
  const seen: Array<{ type: string; inputType: string; data: string | null }> = [];
  for (const type of ['beforeinput', 'input']) {
    document.addEventListener(type, (e) => seen.push({ type, inputType: (e as InputEvent).inputType, data: (e as InputEvent).data }), true);
  }
  return seen;
}

/** A contenteditable whose "model" is a string, rendered by the editor alone (as CKEditor or ProseMirror do). */
function modelEditor(takes: { beforeinput?: 'apply' | 'cancel'; paste?: 'apply' | 'twice' }) {
  document.body.innerHTML = '<div contenteditable="true" aria-label="Editor"></div>';
  const field = document.querySelector<HTMLElement>('[contenteditable]')!;
  const model = { text: '', undone: 0 };
  const render = () => {
    field.textContent = model.text;
  };
  field.addEventListener('beforeinput', (e) => {
    if (!takes.beforeinput) return;
    e.preventDefault();
    if (takes.beforeinput === 'apply') model.text += e.data ?? '';
    render();
  });
  field.addEventListener('paste', (e) => {
    if (!takes.paste) return;
    e.preventDefault();
    const text = e.clipboardData?.getData('text/plain') ?? '';
    model.text += takes.paste === 'twice' ? text + text : text;
    render();
  });
  field.addEventListener('keydown', (e) => {
    if (e.key === 'z' && e.ctrlKey) {
      model.text = '';
      model.undone++;
      render();
    }
  });
  return { field, model };
}

let writeText: ReturnType<typeof vi.fn>;

describe('insertText', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
    writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  });

  it('inserts at the caret of a textarea and the page sees beforeinput and input', async () => {
    document.body.innerHTML = '<textarea>Agenda: </textarea>';
    const field = document.querySelector('textarea')!;
    field.setSelectionRange(8, 8);
    const seen = listen();
    expect(await insertText('Did customers ask for this?', field)).toBe('inserted');
    expect(field.value).toBe('Agenda: Did customers ask for this?');
    expect(seen.map((e) => e.type)).toContain('input');
    expect(seen.at(-1)).toEqual({ type: 'input', inputType: 'insertText', data: 'Did customers ask for this?' });
  });

  it('replaces the selected text, as typing over a selection does', async () => {
    document.body.innerHTML = '<textarea>one two three</textarea>';
    const field = document.querySelector('textarea')!;
    field.setSelectionRange(4, 7);
    expect(await insertText('2', field)).toBe('inserted');
    expect(field.value).toBe('one 2 three');
  });

  it('without a target, inserts into the focused field', async () => {
    document.body.innerHTML = '<input type="text" aria-label="Notes"><textarea></textarea>';
    const input = document.querySelector('input')!;
    input.focus();
    expect(await insertText('the customer question')).toBe('inserted');
    expect(input.value).toBe('the customer question');
    expect(document.querySelector('textarea')!.value).toBe('');
  });

  it('answers no-field when nothing editable has the focus, and changes nothing', async () => {
    document.body.innerHTML = '<button>Send</button><textarea readonly>kept</textarea>';
    document.querySelector('button')!.focus();
    expect(await insertText('text')).toBe('no-field');
    expect(await insertText('text', document.querySelector('textarea'))).toBe('no-field');
    expect(document.querySelector('textarea')!.value).toBe('kept');
    expect(writeText).not.toHaveBeenCalled();
  });

  it('does not write into a password field', async () => {
    document.body.innerHTML = '<input type="password">';
    const field = document.querySelector('input')!;
    field.focus();
    expect(await insertText('secret')).toBe('no-field');
    expect(field.value).toBe('');
  });

  it('inserts into a plain contenteditable', async () => {
    document.body.innerHTML = '<div contenteditable="true" aria-label="Description"><p>Agenda</p></div>';
    const editor = document.querySelector<HTMLElement>('[contenteditable]')!;
    expect(await insertText(' — customer first', editor)).toBe('inserted');
    expect(editor.textContent).toContain('Agenda — customer first');
  });

  it('follows the focus into an open shadow root', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const field = document.createElement('textarea');
    host.attachShadow({ mode: 'open' }).append(field);
    field.focus();
    expect(await insertText('inside')).toBe('inserted');
    expect(field.value).toBe('inside');
  });

  it('lets an editor that handles beforeinput (CKEditor 5, Lexical) take the text, once, and offers no paste after it', async () => {
    const { field, model } = modelEditor({ beforeinput: 'apply', paste: 'apply' });
    expect(await insertText('the question', field)).toBe('inserted');
    expect(model.text).toBe('the question');
  });

  it('offers a paste to an editor that ignores beforeinput but handles paste (ProseMirror, RoosterJS)', async () => {
    const { field, model } = modelEditor({ paste: 'apply' });
    expect(await insertText('the question', field)).toBe('inserted');
    expect(model.text).toBe('the question');
  });

  it('copies the text, changing nothing, when the editor claims the input but applies none of it', async () => {
    const { field, model } = modelEditor({ beforeinput: 'cancel' });
    expect(await insertText('the question', field)).toBe('copied');
    expect(model.text).toBe('');
    expect(field.textContent).toBe('');
    expect(writeText).toHaveBeenCalledWith('the question');
  });

  it('takes back a duplicate with the editor’s own undo and copies the text instead', async () => {
    const { field, model } = modelEditor({ paste: 'twice' });
    expect(await insertText('the question', field)).toBe('copied');
    expect(model.undone).toBe(1);
    expect(model.text).toBe('');
    expect(writeText).toHaveBeenCalledWith('the question');
  });

  it('says failed when neither the field nor the clipboard takes the text', async () => {
    writeText.mockRejectedValue(new Error('not allowed'));
    const { field } = modelEditor({ beforeinput: 'cancel' });
    const result = await insertText('the question', field);
    // happy-dom has no copy command; a browser may still copy through the hidden textarea.
    expect(['failed', 'copied']).toContain(result);
    expect(document.querySelectorAll('textarea')).toHaveLength(0);
  });
});
