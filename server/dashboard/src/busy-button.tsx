import type { ButtonHTMLAttributes, ComponentChildren, TargetedMouseEvent } from 'preact';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled' | 'aria-disabled'> & {
  /** The button's action is running: it is shown as unavailable and ignores clicks. */
  busy: boolean;
  /** The button cannot act at all (nothing to save, nothing chosen): truly disabled. */
  disabled?: boolean;
  children: ComponentChildren;
};

/**
 * A button that keeps the keyboard's focus while its action runs. A button
 * made `disabled` as its request goes out drops the focus to the page's
 * body, so a keyboard or screen-reader user who pressed Save has to find
 * their place again; this one is `aria-disabled` instead and ignores clicks
 * (and, as a submit button, the form's submission) until the action ends.
 */
export function BusyButton({ busy, disabled, onClick, children, ...rest }: Props) {
  const click = (e: TargetedMouseEvent<HTMLButtonElement>) => {
    if (busy) {
      e.preventDefault();
      return;
    }
    onClick?.(e);
  };
  return (
    <button type="button" {...rest} disabled={disabled || undefined} aria-disabled={busy || undefined} onClick={click}>
      {children}
    </button>
  );
}
