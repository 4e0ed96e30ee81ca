import { validationLine } from '@customer-chair/shared/domain/validation-line';
import type { Department } from '@customer-chair/shared/schemas/department';
import type { CachedValidation } from '../lib/storage';

/**
 * The quiet line under the actions: the own department's customer work,
 * counted back to it. Only the figures of the department the employee is in
 * now (figures fetched for another one before a change are never shown).
 */
export function ValidationLine({ validation, department, departments }: { validation?: CachedValidation | null; department?: string; departments: Pick<Department, 'id' | 'name'>[] }) {
  if (!validation || !department || validation.figures.department !== department) return null;
  const name = departments.find((d) => d.id === department)?.name;
  if (!name) return null;
  const lines = validationLine(validation.figures, name);
  if (lines.length === 0) return null;
  return (
    <section class="validation" aria-label={`${name}’s customer work`}>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </section>
  );
}
