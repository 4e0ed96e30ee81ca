/**
 * Shows a short message at the top of a page for a few seconds, in its own
 * shadow root. Self-contained: the background runs it in a tab through
 * `scripting.executeScript`.
 */
export function showToast(message: string): void {
  const host = document.createElement('customer-chair-toast');
  const shadow = host.attachShadow({ mode: 'open' });
  const box = document.createElement('div');
  box.setAttribute('role', 'status');
  box.textContent = message;
  box.style.cssText =
    'position:fixed;top:16px;left:50%;transform:translateX(-50%);z-index:2147483647;max-width:90vw;' +
    'padding:10px 16px;border-radius:10px;background:#1f2328;color:#fff;font:14px/1.4 system-ui,sans-serif;' +
    'box-shadow:0 6px 24px rgb(0 0 0 / 0.25)';
  shadow.append(box);
  document.documentElement.append(host);
  setTimeout(() => host.remove(), 4000);
}
