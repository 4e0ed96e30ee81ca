import { describe, expect, it } from 'vitest';
import { panelSummary, type JudgeScorecard, type PanelJudge } from '../../../shared/src/domain/panel-summary';

const category = {
  id: 'faster',
  criteria: [
    { id: 'lead-time', weight: 3 },
    { id: 'customer-said-so', weight: 1 },
  ],
};
const line4 = { id: 'e-line4', categoryId: 'faster', department: 'manufacturing' };
const contracts = { id: 'e-contracts', categoryId: 'faster', department: 'legal' };
const elsewhere = { id: 'e-other', categoryId: 'kinder', department: 'legal' };

const ana: PanelJudge = { id: 't-ana', label: 'Ana (CX)', role: 'judge' };
const ben: PanelJudge = { id: 't-ben', label: 'Ben (Ops)', role: 'judge', department: null };
const cleo: PanelJudge = { id: 't-cleo', label: 'Cleo (Manufacturing)', role: 'judge', department: 'manufacturing' };
const chair: PanelJudge = { id: 't-chair', label: 'Chair', role: 'admin', department: 'manufacturing' };
const viewer: PanelJudge = { id: 't-viewer', label: 'Viewer', role: 'viewer' };
const judges = [ana, ben, cleo, chair, viewer];

/** A scorecard giving `leadTime` and `said` (either may be left out). */
const card = (judge: PanelJudge, entryId: string, leadTime: number | undefined, said: number | undefined, feedback?: string): JudgeScorecard => ({
  entryId,
  judgeId: judge.id,
  scores: [
    ...(leadTime === undefined ? [] : [{ criterionId: 'lead-time', score: leadTime }]),
    ...(said === undefined ? [] : [{ criterionId: 'customer-said-so', score: said }]),
  ],
  ...(feedback === undefined ? {} : { feedback }),
});

describe('panelSummary', () => {
  it('averages the judges’ weighted scores and shows how far apart they are', () => {
    const [summary] = panelSummary(category, [contracts], [card(ana, contracts.id, 5, 5), card(ben, contracts.id, 2, 2), card(cleo, contracts.id, 3, 3)], judges);
    // Ana 5, Ben 2, Cleo 3 → mean 10/3, spread 3.
    expect(summary!.average).toBeCloseTo(10 / 3, 10);
    expect(summary!.spread).toBe(3);
    expect(summary!.scoredBy).toEqual(['t-ana', 't-ben', 't-cleo']);
    expect(summary!.pendingJudges).toEqual([]);
  });

  it('applies the criteria’s weights to each judge before averaging', () => {
    // Ana: (5×3 + 1×1)/4 = 4; Ben: (1×3 + 5×1)/4 = 2.
    const [summary] = panelSummary(category, [contracts], [card(ana, contracts.id, 5, 1), card(ben, contracts.id, 1, 5)], [ana, ben]);
    expect(summary!.average).toBe(3);
    expect(summary!.spread).toBe(2);
  });

  it('has a spread of 0 with one judge, and no average or spread before anyone scored', () => {
    const [one, none] = panelSummary(category, [contracts, { ...contracts, id: 'e-none' }], [card(ana, contracts.id, 4, 2)], [ana, ben]);
    expect(one).toMatchObject({ average: 3.5, spread: 0, scoredBy: ['t-ana'], pendingJudges: [{ id: 't-ben', label: 'Ben (Ops)' }] });
    expect(none).toMatchObject({ average: undefined, spread: undefined, scoredBy: [], feedbackCount: 0 });
    expect(none!.pendingJudges.map((j) => j.label)).toEqual(['Ana (CX)', 'Ben (Ops)']);
  });

  it('does not wait for, nor count, a judge tied to the entry’s department', () => {
    const [summary] = panelSummary(category, [line4], [card(ana, line4.id, 5, 5), card(cleo, line4.id, 1, 1, 'Not enough.')], judges);
    expect(summary!.average).toBe(5);
    expect(summary!.spread).toBe(0);
    expect(summary!.scoredBy).toEqual(['t-ana']);
    expect(summary!.pendingJudges.map((j) => j.id)).toEqual(['t-ben']);
    expect(summary!.feedbackCount).toBe(0);
  });

  it('waits for that same judge on other departments’ entries', () => {
    const [summary] = panelSummary(category, [contracts], [], judges);
    expect(summary!.pendingJudges.map((j) => j.label)).toEqual(['Ana (CX)', 'Ben (Ops)', 'Cleo (Manufacturing)']);
  });

  it('keeps a judge with a half-filled scorecard pending, and leaves it out of the average', () => {
    const [summary] = panelSummary(category, [contracts], [card(ana, contracts.id, 5, 5), card(ben, contracts.id, 1, undefined)], [ana, ben]);
    expect(summary).toMatchObject({ average: 5, spread: 0, scoredBy: ['t-ana'], pendingJudges: [{ id: 't-ben' }] });
  });

  it('never waits for the chair or a viewer; counts the chair’s scores, never a viewer’s or a stranger’s', () => {
    const stranger: PanelJudge = { id: 't-gone', label: 'Revoked', role: 'judge' };
    const [summary] = panelSummary(
      category,
      [line4],
      [card(chair, line4.id, 3, 3), card(viewer, line4.id, 1, 1), card(stranger, line4.id, 1, 1)],
      judges,
    );
    expect(summary).toMatchObject({ average: 3, spread: 0, scoredBy: ['t-chair'] });
    expect(summary!.pendingJudges.map((j) => j.id)).toEqual(['t-ana', 't-ben']);
  });

  it('counts the judges who wrote feedback to the team, blank feedback not included', () => {
    const [summary] = panelSummary(
      category,
      [contracts],
      [card(ana, contracts.id, 4, 4, 'Ask the customer to say it in writing.'), card(ben, contracts.id, 3, 3, '  '), card(cleo, contracts.id, undefined, undefined, 'Great method.')],
      judges,
    );
    expect(summary!.feedbackCount).toBe(2);
  });

  it('lists only the category’s entries, in the order given', () => {
    const summaries = panelSummary(category, [contracts, elsewhere, line4], [], judges);
    expect(summaries.map((s) => s.entryId)).toEqual(['e-contracts', 'e-line4']);
  });
});
