import autocannon from 'autocannon';

export type LoadResult = {
  requestsPerSecond: number;
  ok: number;
  notOk: number;
  errors: number;
  timeouts: number;
  latencyMs: { p50: number; p99: number; max: number };
};

/**
 * Drives `url` with autocannon on loopback for `seconds`: `connections`
 * kept-alive clients, each sending as soon as its previous answer arrived.
 */
export async function load(options: {
  url: string;
  seconds: number;
  connections: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A fresh body per request (new event ids each time). */
  body?: () => string;
  /** Status codes that count as success (2xx, or 304 for a conditional GET). */
  expect?: (status: number) => boolean;
}): Promise<LoadResult> {
  let ok = 0;
  let notOk = 0;
  const good = options.expect ?? ((status: number) => status >= 200 && status < 300);
  let instance!: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        method: options.method ?? 'GET',
        headers: options.headers,
        requests: options.body ? [{ setupRequest: (request) => ({ ...request, body: options.body!() }) }] : undefined,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  instance.on('response', (_client, status) => {
    if (good(status)) ok++;
    else notOk++;
  });
  const result = await finished;
  return {
    requestsPerSecond: ok / options.seconds,
    ok,
    notOk,
    errors: result.errors,
    timeouts: result.timeouts,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  };
}

/** The peak resident memory of a process so far, in MiB (Linux). */
export async function peakMemoryMiB(pid: number): Promise<number | undefined> {
  return (await memoryMiB(pid)).peak;
}

/** A process's resident memory now and its peak so far, in MiB (Linux; undefined elsewhere). */
export async function memoryMiB(pid: number): Promise<{ now: number | undefined; peak: number | undefined }> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const mib = (field: string) => {
    const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  };
  return { now: mib('VmRSS'), peak: mib('VmHWM') };
}
