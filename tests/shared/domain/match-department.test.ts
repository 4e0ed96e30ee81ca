import { describe, expect, it } from 'vitest';
import { matchDepartment } from '../../../shared/src/domain/match-department';

const DEPARTMENTS = [
  { id: 'manufacturing', name: 'Manufacturing' },
  { id: 'cs', name: 'Customer Service' },
];

describe('matchDepartment', () => {
  it('answers the department whose id or name the claim is, in any case', () => {
    expect(matchDepartment('manufacturing', DEPARTMENTS)).toBe('manufacturing');
    expect(matchDepartment('Customer Service', DEPARTMENTS)).toBe('cs');
    expect(matchDepartment(' customer service ', DEPARTMENTS)).toBe('cs');
    expect(matchDepartment('CS', DEPARTMENTS)).toBe('cs');
  });

  it('keeps a claim that names no department as sent', () => {
    expect(matchDepartment('Research', DEPARTMENTS)).toBe('Research');
  });
});
