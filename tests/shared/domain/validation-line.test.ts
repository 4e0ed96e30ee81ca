import { describe, expect, it } from 'vitest';
import { validationLine } from '../../../shared/src/domain/validation-line';

const week = (actions: number) => ({ from: '2026-11-30', actions });
const last = (actions: number) => ({ from: '2026-11-23', actions });
const month = (thanks: number) => ({ from: '2026-12-01', thanks });

describe('validationLine', () => {
  it('says this week’s actions with last week’s in brackets, and this month’s thanks', () => {
    expect(validationLine({ thisWeek: week(37), lastWeek: last(21), thisMonth: month(12) }, 'Manufacturing')).toEqual([
      'This week Manufacturing logged 37 customer actions (21 last week).',
      'Colleagues thanked Manufacturing 12 times for customer work this month.',
    ]);
  });

  it('says one action and one thanks in the singular, two thanks as twice', () => {
    expect(validationLine({ thisWeek: week(1), lastWeek: last(1), thisMonth: month(1) }, 'Legal')).toEqual([
      'This week Legal logged 1 customer action (1 last week).',
      'Colleagues thanked Legal once for customer work this month.',
    ]);
    expect(validationLine({ thisWeek: null, lastWeek: null, thisMonth: month(2) }, 'Legal')).toEqual(['Colleagues thanked Legal twice for customer work this month.']);
  });

  it('words zero figures: no actions yet this week, none last week; no thanks says nothing', () => {
    expect(validationLine({ thisWeek: week(0), lastWeek: last(0), thisMonth: month(0) }, 'Sales')).toEqual([
      'This week Sales has logged no customer actions yet (none last week).',
    ]);
    expect(validationLine({ thisWeek: week(4), lastWeek: last(0), thisMonth: null }, 'Sales')).toEqual(['This week Sales logged 4 customer actions (none last week).']);
  });

  it('drops the brackets when last week is withheld', () => {
    expect(validationLine({ thisWeek: week(5), lastWeek: null, thisMonth: null }, 'Sales')).toEqual(['This week Sales logged 5 customer actions.']);
  });

  it('says last week alone when this week is withheld, and nothing of a withheld or empty last week', () => {
    expect(validationLine({ thisWeek: null, lastWeek: last(21), thisMonth: null }, 'Sales')).toEqual(['Last week Sales logged 21 customer actions.']);
    expect(validationLine({ thisWeek: null, lastWeek: last(0), thisMonth: null }, 'Sales')).toEqual([]);
  });

  it('says nothing at all when every figure is withheld', () => {
    expect(validationLine({ thisWeek: null, lastWeek: null, thisMonth: null }, 'Sales')).toEqual([]);
  });

  it('writes large figures with separators, and a department name literally', () => {
    expect(validationLine({ thisWeek: week(12345), lastWeek: last(1000), thisMonth: month(2500) }, '<b>R&D</b>')).toEqual([
      'This week <b>R&D</b> logged 12,345 customer actions (1,000 last week).',
      'Colleagues thanked <b>R&D</b> 2,500 times for customer work this month.',
    ]);
  });
});
