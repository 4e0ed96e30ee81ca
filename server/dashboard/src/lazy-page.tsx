import type { ComponentType } from 'preact';
import { Alert } from './alert';
import { useLoad } from './use-load';

/**
 * A page whose code is loaded the first time it is opened (Vite puts each
 * `import()` in a chunk of its own), then kept: the dashboard's first load
 * carries the shell and the page the CX lead lands on, not all of them.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loading: Promise<ComponentType<P>> | undefined;
  const once = () =>
    (loading ??= load().catch((failure: unknown) => {
      // A failed download is asked for again on "Load again", not remembered.
      loading = undefined;
      throw failure;
    }));
  return function LazyPage(props: P) {
    const { data: Page, error, reload } = useLoad(once, []);
    if (Page) return <Page {...props} />;
    if (error) {
      return (
        <Alert message="This page could not be loaded. Check your connection, then try again.">
          <button type="button" class="secondary" onClick={reload}>
            Load again
          </button>
        </Alert>
      );
    }
    return (
      <p class="loading" role="status">
        Loading the page…
      </p>
    );
  };
}
