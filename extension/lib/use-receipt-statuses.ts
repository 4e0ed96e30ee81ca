import { useEffect, useRef, useState } from 'preact/hooks';
import type { Answer } from './api-request';

/** What the page knows of one thing sent with a receipt: still asking, the server's answer, or why there is none. */
export type ReceiptStatus<S> = { state: 'loading' } | { state: 'known'; status: S } | { state: 'failed'; message: string };

type Options<Item, Status> = {
  /** What this browser kept when the page opened. */
  initial: readonly Item[];
  /** What it keeps now (the page adds to it as it sends). */
  kept: readonly Item[];
  idOf: (item: Item) => string;
  fetchStatus: (item: Item) => Promise<Answer<Status>>;
  /** Anything else the page asks the server again at the same moments. */
  alsoOnRefresh?: () => Promise<unknown>;
};

/**
 * The status of each entry or message this browser sent (the nomination and
 * voice pages): asked when the page opens and again when the browser comes
 * back online, a known status kept while it is asked again. `online`
 * follows the browser.
 */
export function useReceiptStatuses<Item, Status>({ initial, kept, idOf, fetchStatus, alsoOnRefresh }: Options<Item, Status>) {
  const [statuses, setStatuses] = useState<Record<string, ReceiptStatus<Status>>>({});
  const [online, setOnline] = useState(navigator.onLine);
  const keptNow = useRef(kept);
  keptNow.current = kept;

  async function load(item: Item) {
    const id = idOf(item);
    setStatuses((s) => ({ ...s, [id]: s[id]?.state === 'known' ? s[id]! : { state: 'loading' } }));
    const answer = await fetchStatus(item);
    setStatuses((s) => ({ ...s, [id]: answer.ok ? { state: 'known', status: answer.value } : { state: 'failed', message: answer.message } }));
  }
  const refresh = (items: readonly Item[]) => Promise.all([...(alsoOnRefresh ? [alsoOnRefresh()] : []), ...items.map(load)]);

  useEffect(() => {
    void refresh(initial);
    const onOnline = () => {
      setOnline(true);
      void refresh(keptNow.current);
    };
    const onOffline = () => setOnline(false);
    addEventListener('online', onOnline);
    addEventListener('offline', onOffline);
    return () => {
      removeEventListener('online', onOnline);
      removeEventListener('offline', onOffline);
    };
  }, []);

  return { statuses, online, load, refresh };
}
