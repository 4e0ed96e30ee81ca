/**
 * Writes values one at a time, skipping those overtaken while a write ran:
 * a draft saved on every keystroke costs one storage write in flight and
 * at most one waiting, and the last value typed is always the one left.
 * `idle` resolves once everything asked for so far is written.
 */
export function latestWriter<T>(write: (value: T) => Promise<void>, onBusy?: (busy: boolean) => void) {
  let next: { value: T } | undefined;
  let running: Promise<void> | undefined;

  async function run() {
    onBusy?.(true);
    try {
      while (next) {
        const { value } = next;
        next = undefined;
        try {
          await write(value);
        } catch {
          // A failed write (storage full, page closing) is overtaken by the next one, or lost with the page.
        }
      }
    } finally {
      running = undefined;
      onBusy?.(false);
    }
  }

  return {
    save(value: T): Promise<void> {
      next = { value };
      running ??= run();
      return running;
    },
    idle(): Promise<void> {
      return running ?? Promise.resolve();
    },
  };
}
