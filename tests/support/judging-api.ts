import { hashToken } from '../../server/src/auth/tokens';
import type { Config } from '../../server/src/config';
import { insertAdminToken } from '../../server/src/storage/queries/insert-admin-token';
import type { JudgingEntry, JudgingEntryList } from '../../shared/src/schemas/judging';
import type { Scorecard } from '../../shared/src/schemas/scorecard';
import type { TestApp } from './admin-api';
import { TEST_ADMIN_TOKEN, makeTestApp } from './test-app';

/** The panel of the judging tests: the chair (the test's admin token), two judges, one tied to support, and a viewer. */
export const PANEL = {
  chair: TEST_ADMIN_TOKEN,
  jo: 'jo-judge-token-0123456789abcdefgh',
  lee: 'lee-judge-token-0123456789abcdefg',
  /** Tied to the support department: never sees its entries. */
  kim: 'kim-judge-token-0123456789abcdefg',
  vi: 'vi-viewer-token-0123456789abcdefg',
} as const;
export type Member = keyof typeof PANEL;

/** Days of the demo round (2027 Q1) when the test app is seeded on 2026-11-23. */
export const DAYS = {
  open: '2026-11-23T10:00:00Z',
  judging: '2026-12-20T10:00:00Z',
  judgingEnds: '2027-01-04T10:00:00Z',
  afterJudging: '2027-01-05T10:00:00Z',
  dayBeforeAnnouncement: '2027-01-10T23:59:00Z',
  announceOn: '2027-01-11T00:00:00Z',
} as const;

/** Adds the judges and the viewer to a test app. */
export async function addPanel(t: TestApp): Promise<void> {
  const at = new Date('2026-11-01T00:00:00Z');
  await insertAdminToken(t.storage, 'Jo (judge)', hashToken(PANEL.jo), at, { role: 'judge' });
  await insertAdminToken(t.storage, 'Lee (judge)', hashToken(PANEL.lee), at, { role: 'judge' });
  await insertAdminToken(t.storage, 'Kim (judge, support)', hashToken(PANEL.kim), at, { role: 'judge', department: 'support' });
  await insertAdminToken(t.storage, 'Vi (viewer)', hashToken(PANEL.vi), at, { role: 'viewer' });
}

/** A request to /api/v1/judging as a member of the panel (a raw string body is sent as it is). */
export function judging(t: Pick<TestApp, 'app'>, who: Member, method: string, path: string, body?: unknown) {
  return t.app.request(`/api/v1/judging${path}`, {
    method,
    headers: { Authorization: `Bearer ${PANEL[who]}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The entries of a round as `who` sees them. */
export async function entriesSeenBy(t: Pick<TestApp, 'app'>, who: Member, roundId: string): Promise<JudgingEntry[]> {
  const response = await judging(t, who, 'GET', `/rounds/${roundId}/entries`);
  if (response.status !== 200) throw new Error(`entries refused: ${response.status} ${await response.text()}`);
  return ((await response.json()) as JudgingEntryList).entries;
}

/** A complete scorecard of an entry: `score` for every criterion (or per criterion id). */
export function scorecardFor(entry: Pick<JudgingEntry, 'criteria'>, score: number | Record<string, number>, extra: Omit<Scorecard, 'scores'> = {}): Scorecard {
  return { scores: entry.criteria.map((c) => ({ criterionId: c.id, score: typeof score === 'number' ? score : score[c.id]! })), ...extra };
}

/** Scores an entry as `who`; throws unless it was saved. */
export async function score(t: Pick<TestApp, 'app'>, who: Member, entry: Pick<JudgingEntry, 'id' | 'criteria'>, value: number | Record<string, number>, extra: Omit<Scorecard, 'scores'> = {}) {
  const response = await judging(t, who, 'PUT', `/entries/${entry.id}/scorecard`, scorecardFor(entry, value, extra));
  if (response.status !== 200) throw new Error(`scorecard refused: ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * A test app seeded on DAYS.open (so the demo round is 2027 Q1 with its days above), with the panel, its
 * clock then set to `at`.
 */
export async function panelApp(at: string = DAYS.open, config: Partial<Config> = {}): Promise<TestApp> {
  const t = await makeTestApp({ now: DAYS.open, config });
  await addPanel(t);
  t.clock.set(at);
  return t;
}
