import { describe, expect, it } from 'vitest';
import { personAccess } from '../../../shared/src/domain/person-access';

const grant = (role: 'admin' | 'judge' | 'viewer') => ({ role });

describe('personAccess', () => {
  it('gives the strongest of the group role and the grants', () => {
    expect(personAccess({ groupRole: 'viewer', grants: [grant('judge')], claimedDepartment: null, setDepartment: null }).role).toBe('judge');
    expect(personAccess({ groupRole: 'admin', grants: [grant('viewer')], claimedDepartment: null, setDepartment: null }).role).toBe('admin');
    expect(personAccess({ groupRole: null, grants: [grant('viewer')], claimedDepartment: null, setDepartment: null }).role).toBe('viewer');
  });

  it('refuses a person whose groups give nothing and who was granted nothing', () => {
    expect(personAccess({ groupRole: null, grants: [], claimedDepartment: 'sales', setDepartment: null }).role).toBeNull();
  });

  it('keeps the department set in the dashboard over the provider’s claim, and follows the claim otherwise', () => {
    expect(personAccess({ groupRole: 'judge', grants: [], claimedDepartment: 'sales', setDepartment: 'legal' }).department).toBe('legal');
    expect(personAccess({ groupRole: 'judge', grants: [], claimedDepartment: 'sales', setDepartment: null }).department).toBe('sales');
    expect(personAccess({ groupRole: 'judge', grants: [], claimedDepartment: null, setDepartment: null }).department).toBeNull();
  });
});
