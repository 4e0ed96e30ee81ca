import { beforeEach, describe, expect, it } from 'vitest';
import { demoBundle } from '../../../extension/lib/demo-bundle';
import { readSnapshot, writeSnapshot, type NewTabData } from '../../../extension/lib/new-tab-snapshot';
import { effectiveProfile } from '../../../extension/lib/profile';

const data = (): NewTabData => ({
  bundle: demoBundle(),
  profile: effectiveProfile({ serverUrl: 'http://127.0.0.1:8787', enrollmentKey: '', usageStatistics: true, department: 'legal', role: 'legal' }, {}),
});

beforeEach(() => localStorage.clear());

describe('the new tab snapshot', () => {
  it('is empty before the first new tab', () => {
    expect(readSnapshot()).toBeUndefined();
  });

  it('gives the next new tab what the last one showed', () => {
    expect(writeSnapshot(data(), undefined)).toBe(true);
    expect(readSnapshot()!.data).toEqual(data());
  });

  it('is rewritten only when something changed', () => {
    writeSnapshot(data(), undefined);
    const first = readSnapshot()!;
    expect(writeSnapshot(data(), first.raw)).toBe(false);
    const changed = { ...data(), profile: { ...data().profile, role: 'sales' } };
    expect(writeSnapshot(changed, first.raw)).toBe(true);
    expect(readSnapshot()!.data.profile.role).toBe('sales');
  });

  it('ignores a snapshot it cannot use', () => {
    localStorage.setItem('customer-chair:new-tab', '{not json');
    expect(readSnapshot()).toBeUndefined();
    localStorage.setItem('customer-chair:new-tab', JSON.stringify({ bundle: {}, profile: {} }));
    expect(readSnapshot()).toBeUndefined();
  });
});
