import { describe, expect, it } from 'vitest';
import { planValidation, validationPeriods, type ValidationInput } from '../../../shared/src/domain/plan-validation';
import { ValidationFiguresSchema } from '../../../shared/src/schemas/validation';

const K = 5;

function input(installs: Partial<ValidationInput['installs']> = {}): ValidationInput {
  const day = '2026-11-25';
  return {
    department: 'manufacturing',
    day,
    generatedAt: '2026-11-25T10:00:00.000Z',
    periods: validationPeriods(day),
    installs: { thisWeek: K, lastWeek: K, thisMonth: K, ...installs },
    actions: { thisWeek: 37, lastWeek: 21 },
    thanks: { thisMonth: 12 },
  };
}

describe('validationPeriods', () => {
  it('this week is Monday to today, last week the whole week before, this month the 1st to today', () => {
    expect(validationPeriods('2026-11-25')).toEqual({
      thisWeek: { from: '2026-11-23', to: '2026-11-25' },
      lastWeek: { from: '2026-11-16', to: '2026-11-22' },
      thisMonth: { from: '2026-11-01', to: '2026-11-25' },
    });
  });

  it('on a Monday this week is that day alone; on the 1st this month is that day alone', () => {
    expect(validationPeriods('2026-11-23').thisWeek).toEqual({ from: '2026-11-23', to: '2026-11-23' });
    expect(validationPeriods('2026-11-29').thisWeek).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(validationPeriods('2026-12-01')).toEqual({
      thisWeek: { from: '2026-11-30', to: '2026-12-01' },
      lastWeek: { from: '2026-11-23', to: '2026-11-29' },
      thisMonth: { from: '2026-12-01', to: '2026-12-01' },
    });
  });

  it('last week reaches back over a year end', () => {
    expect(validationPeriods('2027-01-06')).toEqual({
      thisWeek: { from: '2027-01-04', to: '2027-01-06' },
      lastWeek: { from: '2026-12-28', to: '2027-01-03' },
      thisMonth: { from: '2027-01-01', to: '2027-01-06' },
    });
  });
});

describe('planValidation', () => {
  it('says every figure of the department when each period had k active installs', () => {
    const figures = planValidation(input(), K);
    expect(figures).toEqual({
      department: 'manufacturing',
      day: '2026-11-25',
      thisWeek: { from: '2026-11-23', actions: 37 },
      lastWeek: { from: '2026-11-16', actions: 21 },
      thisMonth: { from: '2026-11-01', thanks: 12 },
      generatedAt: '2026-11-25T10:00:00.000Z',
    });
    expect(ValidationFiguresSchema.parse(figures)).toEqual(figures);
  });

  // The small-group rule, figure by figure: each follows its own period's installs only.
  for (const period of ['thisWeek', 'lastWeek', 'thisMonth'] as const) {
    describe(`${period}: the small-group rule at k-1, k, k+1`, () => {
      it('k-1 installs in that period: that figure is null, the others are said', () => {
        const figures = planValidation(input({ [period]: K - 1 }), K);
        expect(figures[period]).toBeNull();
        for (const other of (['thisWeek', 'lastWeek', 'thisMonth'] as const).filter((p) => p !== period)) expect(figures[other]).not.toBeNull();
      });
      it('k installs: said', () => {
        expect(planValidation(input({ [period]: K }), K)[period]).not.toBeNull();
      });
      it('k+1 installs: said', () => {
        expect(planValidation(input({ [period]: K + 1 }), K)[period]).not.toBeNull();
      });
    });
  }

  it('thanks follow the small-group rule too (k-1, k, k+1 over the month)', () => {
    expect(planValidation(input({ thisMonth: K - 1 }), K).thisMonth).toBeNull();
    expect(planValidation(input({ thisMonth: K }), K).thisMonth).toEqual({ from: '2026-11-01', thanks: 12 });
    expect(planValidation(input({ thisMonth: K + 1 }), K).thisMonth).toEqual({ from: '2026-11-01', thanks: 12 });
  });

  it('no installs at all: nothing is said, even with counts (a department of nobody says nothing)', () => {
    const figures = planValidation(input({ thisWeek: 0, lastWeek: 0, thisMonth: 0 }), K);
    expect([figures.thisWeek, figures.lastWeek, figures.thisMonth]).toEqual([null, null, null]);
  });

  it('zero actions and zero thanks in a large department are said as zero', () => {
    const figures = planValidation({ ...input(), actions: { thisWeek: 0, lastWeek: 0 }, thanks: { thisMonth: 0 } }, K);
    expect(figures.thisWeek).toEqual({ from: '2026-11-23', actions: 0 });
    expect(figures.thisMonth).toEqual({ from: '2026-11-01', thanks: 0 });
  });

  it('k follows the setting: with k = 1 a single install is enough', () => {
    expect(planValidation(input({ thisWeek: 1, lastWeek: 1, thisMonth: 1 }), 1).thisWeek).not.toBeNull();
    expect(planValidation(input({ thisWeek: 1, lastWeek: 1, thisMonth: 1 }), 2).thisWeek).toBeNull();
  });
});
