import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../clock';
import { apiError } from '../http/api-error';

export type RateLimitOptions = {
  /** How many counted requests one client may make per window. */
  max: number;
  windowMs: number;
  clock: Clock;
  key: (c: Context) => string;
  /** Count only requests whose answer has one of these statuses (all when absent). */
  countStatuses?: number[];
  message: string;
};

/**
 * A fixed-window limit per client, kept in memory (one server process).
 * Over the limit the client gets 429 with Retry-After.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const counter = new WindowCounter(options.max, options.windowMs);
  return async function rateLimit(c, next) {
    const now = options.clock.now().getTime();
    const key = options.key(c);
    const wait = counter.retryAfter(key, now);
    if (wait !== undefined) return tooMany(c, wait, options.message);
    await next();
    if (!options.countStatuses || options.countStatuses.includes(c.res.status)) counter.add(key, 1, now);
  };
}

/** 429 with Retry-After (whole seconds), in the API's error shape. */
export function tooMany(c: Context, retryAfterSeconds: number, message: string): Response {
  c.header('Retry-After', String(retryAfterSeconds));
  return apiError(c, 429, 'rate_limited', `${message} Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`);
}

/**
 * Fixed windows of `windowMs` per key, counting up to `max` (requests, or
 * events with a weight). A key is refused once its count has reached `max`;
 * the request that crosses it still passes, so a weight larger than `max`
 * (one big batch) is never refused for ever.
 */
export class WindowCounter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Seconds until `key` may go on, or undefined when it may go on now. */
  retryAfter(key: string, now: number): number | undefined {
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs || window.count < this.max) return undefined;
    return Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
  }

  add(key: string, weight: number, now: number): void {
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      // Memory stays bounded by the clients active in one window.
      if (this.windows.size > 10_000) this.forgetOld(now);
    }
    window.count += weight;
  }

  private forgetOld(now: number) {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}
