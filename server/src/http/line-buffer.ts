/**
 * Lines gathered and written together: once the current burst of work is
 * done (setImmediate), or at once past `maxBytes`. Writing each request's
 * log line by itself costs a system call per request, more than some
 * requests cost to answer. `flush()` before the process exits.
 */
export function lineBuffer(write: (chunk: string) => void, maxBytes = 64 * 1024) {
  let pending = '';
  let scheduled = false;
  function flush() {
    scheduled = false;
    if (pending === '') return;
    const chunk = pending;
    pending = '';
    write(chunk);
  }
  return {
    line(text: string) {
      pending += `${text}\n`;
      if (pending.length >= maxBytes) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}
