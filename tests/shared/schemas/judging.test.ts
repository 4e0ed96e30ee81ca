import { describe, expect, it } from 'vitest';
import { JudgingRoundSchema, RoundStatsSchema, WinnersSchema } from '../../../shared/src/schemas/judging';
import { LIMITS } from '../../../shared/src/schemas/limits';

describe('WinnersSchema', () => {
  it('takes the whole set of winners, empty included', () => {
    expect(WinnersSchema.parse({ entryIds: ['e-aaaaaaaaaaaa', 'e-bbbbbbbbbbbb'] }).entryIds).toHaveLength(2);
    expect(WinnersSchema.parse({ entryIds: [] }).entryIds).toEqual([]);
  });

  it('refuses an entry named twice, a malformed id, too many winners and unknown fields', () => {
    const issue = (body: unknown) => WinnersSchema.safeParse(body).error?.issues[0]?.message;
    expect(issue({ entryIds: ['e-aaaaaaaaaaaa', 'e-aaaaaaaaaaaa'] })).toBe('must not name an entry twice');
    expect(issue({ entryIds: ['E A'] })).toMatch(/lower-case/);
    expect(WinnersSchema.safeParse({ entryIds: Array.from({ length: LIMITS.winnersPerRound + 1 }, (_, i) => `e-${i}`) }).success).toBe(false);
    expect(WinnersSchema.safeParse({ entryIds: [], publish: true }).success).toBe(false);
    expect(WinnersSchema.safeParse({}).success).toBe(false);
  });
});

describe('answers', () => {
  it('a judging round is a round record with the caller\'s counts', () => {
    const round = {
      id: '2027-q1',
      name: '2027 Q1',
      submissionOpens: '2026-11-09',
      submissionCloses: '2026-12-14',
      judgingEnds: '2027-01-04',
      announceOn: '2027-01-11',
      categories: [{ id: 'c', name: 'C', description: 'd', criteria: [{ id: 'x', name: 'X', guidance: 'g', evidence: 'e', kind: 'outcome', weight: 1 }] }],
      revision: 1,
      phase: 'judging',
      resultsPublishedAt: null,
    };
    expect(JudgingRoundSchema.safeParse({ ...round, entries: 4, scoredByYou: 1 }).success).toBe(true);
    expect(JudgingRoundSchema.safeParse(round).success).toBe(false);
  });

  it('round stats: winners may be null (not announced yet), "other" holds at least one department', () => {
    const stats = { roundId: '2027-q1', roundName: '2027 Q1', phase: 'judging', minGroupSize: 5, withheld: false, total: { entries: 9, winners: null }, departments: [], other: null };
    expect(RoundStatsSchema.safeParse(stats).success).toBe(true);
    expect(RoundStatsSchema.safeParse({ ...stats, other: { departments: 0, entries: 9, winners: null } }).success).toBe(false);
  });
});
