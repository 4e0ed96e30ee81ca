/**
 * Every bound on a string or list in one place, so the server, the extension
 * and the dashboard's "characters left" hints agree.
 */
export const LIMITS = {
  id: 64,
  storyTitle: 120,
  customer: 80,
  quote: 400,
  body: 2000,
  impact: 400,
  source: 120,
  tag: 32,
  tags: 10,
  promptText: 200,
  actionText: 160,
  roleName: 60,
  departmentName: 80,
  headcount: 1_000_000,
  timezone: 64,
  eventsPerBatch: 500,
  /** Bytes; a larger request body is refused with 413 before it is parsed. */
  eventsBodyBytes: 256 * 1024,
} as const;
