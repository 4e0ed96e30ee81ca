import { useEffect, useState } from 'preact/hooks';
import { api } from './api';

/** Asked once per page load, shared by the sign-in page and the dashboard. */
let asked: Promise<boolean> | undefined;
const isDemo = () => (asked ??= api.signInOptions().then((options) => options.demo === true, () => false));

/**
 * On `pnpm demo`'s database (marked as a demo in the database itself), a
 * line above everything saying the figures are generated, so that no one
 * takes them for a company's usage. Elsewhere, nothing.
 */
export function DemoBanner() {
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    let live = true;
    isDemo().then((answer) => live && setDemo(answer));
    return () => {
      live = false;
    };
  }, []);
  if (!demo) return null;
  return (
    <aside class="demo-banner" aria-label="Demo data">
      <strong>Demo</strong> These figures are generated: 90 days of an invented company’s usage, made by <code>pnpm demo</code>. Run <code>pnpm start</code> for your own.
    </aside>
  );
}
