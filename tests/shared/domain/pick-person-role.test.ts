import { describe, expect, it } from 'vitest';
import { pickPersonRole, strongestRole } from '../../../shared/src/domain/pick-person-role';

const ROLE_GROUPS = { admin: ['cx-leads'], judge: ['judges', 'Exec Panel'], viewer: ['execs'] };

describe('pickPersonRole', () => {
  it('gives the role of the group the person is in', () => {
    expect(pickPersonRole(['cx-leads'], ROLE_GROUPS, [])).toBe('admin');
    expect(pickPersonRole(['everyone', 'Exec Panel'], ROLE_GROUPS, [])).toBe('judge');
    expect(pickPersonRole(['execs'], ROLE_GROUPS, [])).toBe('viewer');
  });

  it('gives the strongest role when groups or grants give several', () => {
    expect(pickPersonRole(['execs', 'judges'], ROLE_GROUPS, [])).toBe('judge');
    expect(pickPersonRole(['execs', 'judges', 'cx-leads'], ROLE_GROUPS, [])).toBe('admin');
    expect(pickPersonRole(['execs'], ROLE_GROUPS, ['admin'])).toBe('admin');
    expect(pickPersonRole(['cx-leads'], ROLE_GROUPS, ['viewer'])).toBe('admin');
  });

  it('counts a granted role without any group', () => {
    expect(pickPersonRole([], ROLE_GROUPS, ['judge'])).toBe('judge');
    expect(pickPersonRole([], { admin: [], judge: [], viewer: [] }, ['viewer'])).toBe('viewer');
  });

  it('gives no role to a person in no mapped group and granted nothing; names match exactly', () => {
    expect(pickPersonRole([], ROLE_GROUPS, [])).toBeNull();
    expect(pickPersonRole(['everyone', 'CX-Leads', 'exec panel'], ROLE_GROUPS, [])).toBeNull();
  });
});

describe('strongestRole', () => {
  it('answers admin over judge over viewer, and null for none', () => {
    expect(strongestRole(['viewer', null, 'judge'])).toBe('judge');
    expect(strongestRole(['viewer', 'admin'])).toBe('admin');
    expect(strongestRole([null])).toBeNull();
    expect(strongestRole([])).toBeNull();
  });
});
