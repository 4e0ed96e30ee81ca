import { describe, expect, it } from 'vitest';
import { judgeMaySee } from '../../../shared/src/domain/judge-may-see';

const manufacturing = { department: 'manufacturing' };
const legal = { department: 'legal' };

describe('judgeMaySee', () => {
  it('keeps a judge away from their own department’s entries, and only those', () => {
    const judge = { role: 'judge' as const, department: 'manufacturing' };
    expect(judgeMaySee(judge, manufacturing)).toBe(false);
    expect(judgeMaySee(judge, legal)).toBe(true);
  });

  it('lets a judge tied to no department see every entry', () => {
    for (const department of [undefined, null]) {
      expect(judgeMaySee({ role: 'judge', department }, manufacturing)).toBe(true);
      expect(judgeMaySee({ role: 'judge', department }, legal)).toBe(true);
    }
    expect(judgeMaySee({ role: 'judge' }, manufacturing)).toBe(true);
  });

  it('compares department ids exactly', () => {
    expect(judgeMaySee({ role: 'judge', department: 'manufacturing-east' }, manufacturing)).toBe(true);
  });

  it('lets the chair (admin) see every entry, and a viewer none', () => {
    expect(judgeMaySee({ role: 'admin', department: 'manufacturing' }, manufacturing)).toBe(true);
    expect(judgeMaySee({ role: 'viewer' }, manufacturing)).toBe(false);
    expect(judgeMaySee({ role: 'viewer', department: 'legal' }, manufacturing)).toBe(false);
  });
});
