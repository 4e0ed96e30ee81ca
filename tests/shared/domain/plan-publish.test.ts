import { describe, expect, it } from 'vitest';
import { planPublish } from '../../../shared/src/domain/plan-publish';

const entries = [{ id: 'e-line4' }, { id: 'e-contracts' }, { id: 'e-helpdesk' }];

describe('planPublish', () => {
  it('publishes when every entry that did not win has feedback: winners recognized, the others not this round', () => {
    const plan = planPublish(entries, ['e-line4'], [
      { entryId: 'e-contracts', feedback: 'Ask the customer to confirm the figure.' },
      { entryId: 'e-helpdesk', feedback: 'Great method; the after figure is missing.' },
    ]);
    expect(plan).toEqual({
      ok: true,
      outcomes: [
        { entryId: 'e-line4', outcome: 'recognized' },
        { entryId: 'e-contracts', outcome: 'not_this_round' },
        { entryId: 'e-helpdesk', outcome: 'not_this_round' },
      ],
    });
  });

  it('refuses while an entry that did not win has no feedback, naming it', () => {
    const plan = planPublish(entries, ['e-line4'], [{ entryId: 'e-contracts', feedback: 'Good.' }, { entryId: 'e-helpdesk' }]);
    expect(plan).toEqual({ ok: false, missingFeedback: ['e-helpdesk'] });
  });

  it('names every such entry, scored or not', () => {
    expect(planPublish(entries, [], [])).toEqual({ ok: false, missingFeedback: ['e-line4', 'e-contracts', 'e-helpdesk'] });
  });

  it('does not need feedback for winners', () => {
    expect(planPublish(entries, ['e-line4', 'e-contracts', 'e-helpdesk'], []).ok).toBe(true);
  });

  it('takes blank feedback as none', () => {
    expect(planPublish([{ id: 'e-helpdesk' }], [], [{ entryId: 'e-helpdesk', feedback: ' \n ' }])).toEqual({ ok: false, missingFeedback: ['e-helpdesk'] });
  });

  it('is satisfied by one judge’s feedback among several cards', () => {
    const plan = planPublish([{ id: 'e-helpdesk' }], [], [{ entryId: 'e-helpdesk' }, { entryId: 'e-helpdesk', feedback: 'Next quarter, bring the customer’s words.' }]);
    expect(plan.ok).toBe(true);
  });

  it('does not let feedback on another entry or a winner that is not an entry count', () => {
    const plan = planPublish([{ id: 'e-helpdesk' }], ['e-unknown'], [{ entryId: 'e-other', feedback: 'Good.' }]);
    expect(plan).toEqual({ ok: false, missingFeedback: ['e-helpdesk'] });
    expect(planPublish([{ id: 'e-line4' }], ['e-line4', 'e-unknown'], [])).toEqual({ ok: true, outcomes: [{ entryId: 'e-line4', outcome: 'recognized' }] });
  });

  it('publishes a round without entries', () => {
    expect(planPublish([], [], [])).toEqual({ ok: true, outcomes: [] });
  });
});
