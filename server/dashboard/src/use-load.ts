import { useEffect, useState, type Dispatch, type StateUpdater } from 'preact/hooks';
import { failureMessage } from './api';

export type Load<T> = {
  /** The latest answer; kept while the next one loads, so a page can show it as stale rather than blank. */
  data: T | undefined;
  /** Why the latest load failed, in words for the CX lead. */
  error: string | undefined;
  loading: boolean;
  /** Ask again (a "Try again" button, or after a change elsewhere on the page). */
  reload: () => void;
  /** For a page that changes what it loaded in place (a saved row). */
  setData: Dispatch<StateUpdater<T | undefined>>;
};

type Options = {
  /** Wait this long after the last change of `deps` before asking (typing in a search box). */
  delay?: number;
  /** Ask only when true (a value the load needs is not known yet). */
  when?: boolean;
};

/**
 * What every page does to show something from the server: ask when it opens
 * and whenever `deps` change, keep only the answer to the latest question,
 * and say what went wrong. An ended session is not handled here: the API
 * client tells the App, which shows the sign-in page.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[], { delay = 0, when = true }: Options = {}): Load<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(when);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!when) return;
    let current = true;
    setLoading(true);
    const ask = () =>
      load().then(
        (answer) => {
          if (!current) return;
          setData(() => answer);
          setError(undefined);
          setLoading(false);
        },
        (failure) => {
          if (!current) return;
          setError(failureMessage(failure));
          setLoading(false);
        },
      );
    const timer = delay > 0 ? setTimeout(ask, delay) : (ask(), undefined);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [...deps, attempt, when]);

  return { data, error, loading, reload: () => setAttempt((n) => n + 1), setData };
}
