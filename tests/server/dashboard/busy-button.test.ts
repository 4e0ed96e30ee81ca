// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { BusyButton } from '../../../server/dashboard/src/busy-button';

const root = () => document.body.appendChild(document.createElement('div'));
afterEach(() => {
  document.body.innerHTML = '';
});

describe('BusyButton', () => {
  it('acts when pressed, and while busy keeps the focus, says it is unavailable and ignores presses', () => {
    const presses: string[] = [];
    const at = root();
    const show = (busy: boolean) => render(h(BusyButton, { busy, class: 'primary', onClick: () => presses.push('pressed'), children: 'Refresh' }), at);
    show(false);
    const button = at.querySelector('button')!;
    button.focus();
    button.click();
    expect(presses).toEqual(['pressed']);

    show(true);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    // Not `disabled`: a disabled button gives up the focus, to the top of the page.
    expect(button.disabled).toBe(false);
    expect(document.activeElement).toBe(button);
    button.click();
    expect(presses).toEqual(['pressed']);

    show(false);
    expect(button.hasAttribute('aria-disabled')).toBe(false);
    button.click();
    expect(presses).toEqual(['pressed', 'pressed']);
  });

  it('as a form’s submit button, does not submit the form again while busy', () => {
    const submitted: number[] = [];
    const at = root();
    const show = (busy: boolean) =>
      render(
        h('form', { onSubmit: (e: Event) => (e.preventDefault(), submitted.push(submitted.length)) }, h('input', { name: 'title' }), h(BusyButton, { busy, type: 'submit', children: 'Save' })),
        at,
      );
    show(false);
    const button = at.querySelector('button')!;
    expect(button.type).toBe('submit');
    button.click();
    expect(submitted).toHaveLength(1);
    show(true);
    button.click();
    expect(submitted).toHaveLength(1);
  });

  it('is truly disabled when it cannot act at all (nothing chosen), busy or not', () => {
    const at = root();
    render(h(BusyButton, { busy: false, disabled: true, children: 'Grant' }), at);
    expect(at.querySelector('button')!.disabled).toBe(true);
  });
});
