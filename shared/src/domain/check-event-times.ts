import type { ApiIssue } from '../schemas/api-error';

/** How far ahead of the server's clock an event may be stamped (clocks drift). */
export const MAX_FUTURE_SKEW_MS = 24 * 60 * 60 * 1000;

/**
 * Events must fall inside the window the server keeps raw events for: older
 * ones would already have been pruned, so a replay of them could no longer be
 * recognised and would be counted twice.
 */
export function checkEventTimes(events: readonly { at: string }[], now: Date, retentionDays: number): ApiIssue[] {
  const oldest = now.getTime() - retentionDays * 86_400_000;
  const newest = now.getTime() + MAX_FUTURE_SKEW_MS;
  const issues: ApiIssue[] = [];
  events.forEach((event, i) => {
    const at = Date.parse(event.at);
    if (at < oldest) issues.push({ path: `events.${i}.at`, message: `is older than the ${retentionDays}-day retention window` });
    else if (at > newest) issues.push({ path: `events.${i}.at`, message: 'is more than 24 hours in the future' });
  });
  return issues;
}
