import { beforeEach, describe, expect, it } from 'vitest';
import { insertText } from '../../../extension/lib/insert-text';

/** Records the input events the page sees, as a page's framework would listen for them. */
function listen(): Array<{ type: string; inputType: string; data: string | null }> {
  const seen: Array<{ type: string; inputType: string; data: string | null }> = [];
  for (const type of ['beforeinput', 'input']) {
    document.addEventListener(type, (e) => seen.push({ type, inputType: (e as InputEvent).inputType, data: (e as InputEvent).data }), true);
  }
  return seen;
}

describe('insertText', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('inserts at the caret of a textarea and the page sees beforeinput and input', () => {
    document.body.innerHTML = '<textarea>Agenda: </textarea>';
    const field = document.querySelector('textarea')!;
    field.setSelectionRange(8, 8);
    const seen = listen();
    expect(insertText('Did customers ask for this?', field)).toBe(true);
    expect(field.value).toBe('Agenda: Did customers ask for this?');
    expect(seen.map((e) => e.type)).toEqual(['beforeinput', 'input']);
    expect(seen[1]).toEqual({ type: 'input', inputType: 'insertText', data: 'Did customers ask for this?' });
  });

  it('replaces the selected text, as typing over a selection does', () => {
    document.body.innerHTML = '<textarea>one two three</textarea>';
    const field = document.querySelector('textarea')!;
    field.setSelectionRange(4, 7);
    insertText('2', field);
    expect(field.value).toBe('one 2 three');
  });

  it('without a target, inserts into the focused field', () => {
    document.body.innerHTML = '<input type="text" aria-label="Notes"><textarea></textarea>';
    const input = document.querySelector('input')!;
    input.focus();
    expect(insertText('the customer question')).toBe(true);
    expect(input.value).toBe('the customer question');
    expect(document.querySelector('textarea')!.value).toBe('');
  });

  it('refuses when nothing editable has the focus, and changes nothing', () => {
    document.body.innerHTML = '<button>Send</button><textarea readonly>kept</textarea>';
    document.querySelector('button')!.focus();
    expect(insertText('text')).toBe(false);
    expect(insertText('text', document.querySelector('textarea'))).toBe(false);
    expect(document.querySelector('textarea')!.value).toBe('kept');
  });

  it('does not write into a password field', () => {
    document.body.innerHTML = '<input type="password">';
    const field = document.querySelector('input')!;
    field.focus();
    expect(insertText('secret')).toBe(false);
    expect(field.value).toBe('');
  });

  it('inserts into a contenteditable editor', () => {
    document.body.innerHTML = '<div contenteditable="true" aria-label="Description"><p>Agenda</p></div>';
    const editor = document.querySelector<HTMLElement>('[contenteditable]')!;
    expect(insertText(' — customer first', editor)).toBe(true);
    expect(editor.textContent).toContain('Agenda — customer first');
  });

  it('follows the focus into an open shadow root', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const field = document.createElement('textarea');
    host.attachShadow({ mode: 'open' }).append(field);
    field.focus();
    expect(insertText('inside')).toBe(true);
    expect(field.value).toBe('inside');
  });
});
