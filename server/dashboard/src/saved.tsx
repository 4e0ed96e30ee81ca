import { useEffect, useRef } from 'preact/hooks';

/**
 * A change went through. When the button that made it is gone or has
 * nothing left to do (Apply after an import, Publish), the keyboard's focus
 * would be left on the page's body: the message takes it then, so a
 * keyboard or screen-reader user goes on from where the result is. It never
 * takes the focus from anything else.
 */
export function Saved({ message }: { message: string | undefined }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!message) return;
    // After the frame in which a disabled or removed button gave up the focus.
    const frame = requestAnimationFrame(() => {
      if (document.activeElement === document.body || document.activeElement === null) ref.current?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [message]);
  return (
    <p class="saved" role="status" tabIndex={-1} ref={ref}>
      {message}
    </p>
  );
}
