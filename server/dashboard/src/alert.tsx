import type { ComponentChildren } from 'preact';

/** A failure the CX lead must read: the API's message, and what they can do about it. */
export function Alert({ message, children }: { message: string; children?: ComponentChildren }) {
  return (
    <div class="failure" role="alert">
      <p>{message}</p>
      {children}
    </div>
  );
}
