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
  const windows = new Map<string, { start: number; count: number }>();
  return async function rateLimit(c, next) {
    const now = options.clock.now().getTime();
    const key = options.key(c);
    let window = windows.get(key);
    if (!window || now - window.start >= options.windowMs) {
      window = { start: now, count: 0 };
      windows.set(key, window);
      if (windows.size > 10_000) forgetOld(windows, now, options.windowMs);
    }
    if (window.count >= options.max) {
      const retryAfter = Math.max(1, Math.ceil((window.start + options.windowMs - now) / 1000));
      c.header('Retry-After', String(retryAfter));
      return apiError(c, 429, 'rate_limited', `${options.message} Try again in ${retryAfter} seconds.`);
    }
    await next();
    if (!options.countStatuses || options.countStatuses.includes(c.res.status)) window.count++;
  };
}

function forgetOld(windows: Map<string, { start: number }>, now: number, windowMs: number) {
  for (const [key, window] of windows) if (now - window.start >= windowMs) windows.delete(key);
}
