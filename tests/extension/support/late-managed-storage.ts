import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * storage.managed that answers only when the test says so, as Chromium's
 * first read on a fresh profile does (~2.7 s), holding IT's `policy`.
 */
export function lateManagedStorage(policy: Record<string, unknown> = {}) {
  let values = { ...policy };
  const waiting: Array<() => void> = [];
  vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(async () => {
    await new Promise<void>((resolve) => waiting.push(resolve));
    return { ...values };
  });
  return {
    /** Lets every read that is waiting answer with the policy as it is now. */
    async answer() {
      waiting.splice(0).forEach((resolve) => resolve());
      for (let i = 0; i < 4; i++) await tick();
    },
    /** IT changes the policy: Chromium fires storage.onChanged for the managed area. */
    async setPolicy(next: Record<string, unknown>) {
      const keys = new Set([...Object.keys(values), ...Object.keys(next)]);
      const changes = Object.fromEntries([...keys].map((k) => [k, { oldValue: values[k], newValue: next[k] }]));
      values = { ...next };
      await fakeBrowser.storage.onChanged.trigger(changes, 'managed');
    },
  };
}
