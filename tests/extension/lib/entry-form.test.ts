import { describe, expect, it } from 'vitest';
import { emptyEntryForm, entryContent, formFromContent, hasContent, selfCheckProgress, toEntryDraft, withAnswer } from '../../../extension/lib/entry-form';
import { EntryDraftSchema } from '../../../shared/src/schemas/recognition-entry';
import { testRound } from '../support/fake-recognition-server';

const category = testRound().categories[0]!;
const INSTALL = '0b6f5a3c-2f4e-4d8a-9c1b-7e2d3f4a5b6c';
const filled = () => ({
  ...emptyEntryForm({ roundId: '2027-q1', department: 'manufacturing' }),
  categoryId: category.id,
  team: { name: '  Line 4 maintenance crew ', department: 'manufacturing' },
  customer: 'Kestrel Aerospace',
  before: 'Lead time 5 days',
  after: 'Lead time 5 hours',
  method: 'A quick-change fixture.',
});

describe('the entry form', () => {
  it('counts a visit with only the prefilled department and round as no draft', () => {
    expect(hasContent(emptyEntryForm({ roundId: '2027-q1', department: 'sales' }))).toBe(false);
    expect(hasContent({ ...emptyEntryForm(), customer: 'Acme' })).toBe(true);
    expect(hasContent(withAnswer(emptyEntryForm(), { criterionId: 'less-waiting', status: 'met', note: '' }))).toBe(true);
  });

  it('sends the chosen category’s checked criteria only, in its order, without empty notes; the acknowledgement only when given', () => {
    let form = filled();
    form = withAnswer(form, { criterionId: 'customer-acknowledged', status: 'not_yet', note: '  ' });
    form = withAnswer(form, { criterionId: 'money-saved', status: 'met', note: 'another category' });
    form = withAnswer(form, { criterionId: 'less-waiting', status: 'met', note: ' 30 orders ' });
    const draft = toEntryDraft(form, category, INSTALL);
    expect(draft.selfCheck).toEqual([
      { criterionId: 'less-waiting', status: 'met', note: '30 orders' },
      { criterionId: 'customer-acknowledged', status: 'not_yet' },
    ]);
    expect(draft).not.toHaveProperty('acknowledgement');
    expect(draft).not.toHaveProperty('previousEntryId');
    expect(EntryDraftSchema.parse(draft).team.name).toBe('Line 4 maintenance crew');

    const acknowledged = toEntryDraft({ ...form, acknowledgement: { quote: 'Same day now.', source: '' } }, category, INSTALL);
    // Half an acknowledgement is sent as it is: the schema names the missing half.
    expect(acknowledged.acknowledgement).toEqual({ quote: 'Same day now.', source: '' });
    expect(EntryDraftSchema.safeParse(acknowledged).error?.issues[0]?.path).toEqual(['acknowledgement', 'source']);
  });

  it('weighs the self-check’s progress by the criteria’s weights', () => {
    let form = filled();
    expect(selfCheckProgress(category.criteria, form)).toEqual({ total: 3, met: 0, partly: 0, notYet: 0, unchecked: 3, metWeight: 0 });
    form = withAnswer(form, { criterionId: 'less-waiting', status: 'met', note: '' });
    form = withAnswer(form, { criterionId: 'customer-acknowledged', status: 'met', note: '' });
    form = withAnswer(form, { criterionId: 'reusable-method', status: 'partly', note: '' });
    expect(selfCheckProgress(category.criteria, form)).toEqual({ total: 3, met: 2, partly: 1, notYet: 0, unchecked: 0, metWeight: 0.7 });
  });

  it('goes back into the form from what was submitted, exactly', () => {
    const draft = EntryDraftSchema.parse(
      toEntryDraft(
        { ...withAnswer(filled(), { criterionId: 'less-waiting', status: 'partly', note: 'so far' }), acknowledgement: { quote: 'Q', source: 'S' }, previousEntryId: 'e-earlier' },
        category,
        INSTALL,
      ),
    );
    const content = entryContent(draft);
    expect(content).not.toHaveProperty('installId');
    expect(toEntryDraft(formFromContent(content), category, INSTALL)).toEqual(draft);
  });
});
