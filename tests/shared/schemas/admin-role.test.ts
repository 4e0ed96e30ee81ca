import { describe, expect, it } from 'vitest';
import { AdminRoleSchema } from '../../../shared/src/schemas/admin-role';

describe('AdminRoleSchema', () => {
  it('is admin, judge or viewer', () => {
    expect(AdminRoleSchema.options).toEqual(['admin', 'judge', 'viewer']);
    for (const role of AdminRoleSchema.options) expect(AdminRoleSchema.parse(role)).toBe(role);
  });

  it('refuses any other role with a message listing the three', () => {
    for (const role of ['chair', 'Admin', '', 'owner']) {
      expect(AdminRoleSchema.safeParse(role).error?.issues[0]?.message).toBe('must be "admin", "judge" or "viewer"');
    }
  });
});
