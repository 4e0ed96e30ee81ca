import { describe, expect, it } from 'vitest';
import { effectiveProfile, needsProfile } from '../../../extension/lib/profile';

const user = { serverUrl: 'http://127.0.0.1:8787', enrollmentKey: 'mine', department: 'sales', role: 'sales', usageStatistics: true };

describe('effectiveProfile', () => {
  it('uses the employee’s settings when IT set nothing', () => {
    const profile = effectiveProfile(user, {});
    expect(profile).toMatchObject({ serverUrl: 'http://127.0.0.1:8787', department: 'sales', usageStatistics: true });
    expect(Object.values(profile.locked).every((l) => l === false)).toBe(true);
  });

  it('lets managed values win, and marks them locked', () => {
    const profile = effectiveProfile(user, {
      serverUrl: 'https://cx.example.com',
      enrollmentKey: 'company',
      department: 'legal',
      role: 'legal',
      disableUsageStatistics: true,
    });
    expect(profile).toMatchObject({ serverUrl: 'https://cx.example.com', enrollmentKey: 'company', department: 'legal', role: 'legal', usageStatistics: false });
    expect(profile.locked).toEqual({ serverUrl: true, enrollmentKey: true, department: true, role: true, usageStatistics: true });
  });

  it('with lockProfile, makes the employee’s own first choice final', () => {
    expect(effectiveProfile(user, { lockProfile: true }).locked).toMatchObject({ department: true, role: true });
    const fresh = effectiveProfile({ ...user, department: undefined, role: undefined }, { lockProfile: true });
    expect(fresh.locked).toMatchObject({ department: false, role: false });
    expect(needsProfile(fresh)).toBe(true);
  });
});
