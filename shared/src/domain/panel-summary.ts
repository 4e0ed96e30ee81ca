import type { Criterion } from '../schemas/recognition-round';
import type { Scorecard } from '../schemas/scorecard';
import { judgeMaySee, type Judge } from './judge-may-see';
import { weightedScore } from './weighted-score';

/** An entry as the panel summary needs it. */
export type PanelEntry = { id: string; categoryId: string; department: string };
/** A dashboard credential that may judge: its id and label (the token's, "Ana (CX)"), role and department. */
export type PanelJudge = Judge & { id: string; label: string };
/** One judge's scorecard of one entry, as stored. */
export type JudgeScorecard = Scorecard & { entryId: string; judgeId: string };

export type EntrySummary = {
  entryId: string;
  /** The mean of the judges' weighted scores (1–5), over complete scorecards; undefined before the first. */
  average: number | undefined;
  /** The highest judge's weighted score minus the lowest: 0 when they agree (or one judge scored); undefined before any. */
  spread: number | undefined;
  /** Judges whose complete scorecard counts, in the order of `judges`. */
  scoredBy: string[];
  /** Judges who may see the entry and have not scored every criterion yet. */
  pendingJudges: { id: string; label: string }[];
  /** How many of those judges wrote feedback to the team. */
  feedbackCount: number;
};

/**
 * The panel's view of one category: per entry of it (in the order given),
 * the weighted average and the spread between judges, who scored, who has
 * not yet, and how much feedback the team will get.
 *
 * Only scorecards of `judges` who may see the entry count: a judge tied to
 * the entry's department (a conflict of interest) neither counts nor is
 * waited for, even if they scored it before their department was set. A
 * half-filled scorecard does not count, and its judge is still pending.
 * Admins (the chair) are never pending, but their complete scorecards
 * count when they score; viewers' never do.
 */
export function panelSummary(
  category: { id: string; criteria: readonly Pick<Criterion, 'id' | 'weight'>[] },
  entries: readonly PanelEntry[],
  scorecards: readonly JudgeScorecard[],
  judges: readonly PanelJudge[],
): EntrySummary[] {
  const cards = new Map<string, Map<string, JudgeScorecard>>();
  for (const card of scorecards) {
    if (!cards.has(card.entryId)) cards.set(card.entryId, new Map());
    cards.get(card.entryId)!.set(card.judgeId, card);
  }
  return entries
    .filter((entry) => entry.categoryId === category.id)
    .map((entry) => {
      const scored: number[] = [];
      const summary: EntrySummary = { entryId: entry.id, average: undefined, spread: undefined, scoredBy: [], pendingJudges: [], feedbackCount: 0 };
      for (const judge of judges) {
        if (!judgeMaySee(judge, entry)) continue;
        const card = cards.get(entry.id)?.get(judge.id);
        const score = card && weightedScore(category.criteria, card.scores);
        if (card?.feedback?.trim()) summary.feedbackCount++;
        if (score !== undefined) {
          scored.push(score);
          summary.scoredBy.push(judge.id);
        } else if (judge.role === 'judge') {
          summary.pendingJudges.push({ id: judge.id, label: judge.label });
        }
      }
      if (scored.length > 0) {
        summary.average = scored.reduce((a, b) => a + b, 0) / scored.length;
        summary.spread = Math.max(...scored) - Math.min(...scored);
      }
      return summary;
    });
}
