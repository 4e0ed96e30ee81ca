import type { ValidationFigures } from '../schemas/validation';

const actions = (n: number) => (n === 1 ? '1 customer action' : `${n.toLocaleString('en')} customer actions`);
const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n.toLocaleString('en')} times`);

/**
 * The new tab’s quiet validation line about the employee’s own department,
 * as sentences: the actions logged this week (last week's in brackets) and
 * the thanks received this month. A null figure (too few active installs in
 * its period) says nothing; no thanks yet says nothing either, as a line
 * reading "nobody thanked you" would be the opposite of validation.
 */
export function validationLine(figures: Pick<ValidationFigures, 'thisWeek' | 'lastWeek' | 'thisMonth'>, departmentName: string): string[] {
  const lines: string[] = [];
  const { thisWeek, lastWeek, thisMonth } = figures;
  if (thisWeek) {
    const before = lastWeek ? ` (${lastWeek.actions === 0 ? 'none' : lastWeek.actions.toLocaleString('en')} last week)` : '';
    lines.push(
      thisWeek.actions === 0
        ? `This week ${departmentName} has logged no customer actions yet${before}.`
        : `This week ${departmentName} logged ${actions(thisWeek.actions)}${before}.`,
    );
  } else if (lastWeek && lastWeek.actions > 0) {
    lines.push(`Last week ${departmentName} logged ${actions(lastWeek.actions)}.`);
  }
  if (thisMonth && thisMonth.thanks > 0) {
    lines.push(`Colleagues thanked ${departmentName} ${times(thisMonth.thanks)} for customer work this month.`);
  }
  return lines;
}
