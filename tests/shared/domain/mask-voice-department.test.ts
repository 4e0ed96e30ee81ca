import { describe, expect, it } from 'vitest';
import { maskVoiceDepartment } from '../../../shared/src/domain/mask-voice-department';

describe('maskVoiceDepartment', () => {
  const k = 5;

  it('masks a department with k-1 active installs when the message came, whatever it has now', () => {
    expect(maskVoiceDepartment(k - 1, k - 1, k)).toBe(true);
    expect(maskVoiceDepartment(k - 1, k, k)).toBe(true);
    expect(maskVoiceDepartment(k - 1, k + 1, k)).toBe(true);
    expect(maskVoiceDepartment(0, 1000, k)).toBe(true);
  });

  it('masks a department with k-1 active installs now, whatever it had when the message came', () => {
    expect(maskVoiceDepartment(k, k - 1, k)).toBe(true);
    expect(maskVoiceDepartment(k + 1, k - 1, k)).toBe(true);
    expect(maskVoiceDepartment(1000, 0, k)).toBe(true);
  });

  it('names a department with at least k active installs both then and now (k and k+1)', () => {
    expect(maskVoiceDepartment(k, k, k)).toBe(false);
    expect(maskVoiceDepartment(k, k + 1, k)).toBe(false);
    expect(maskVoiceDepartment(k + 1, k, k)).toBe(false);
    expect(maskVoiceDepartment(k + 1, k + 1, k)).toBe(false);
  });

  it('follows k: with k = 1 only a department nobody used is small', () => {
    expect(maskVoiceDepartment(1, 1, 1)).toBe(false);
    expect(maskVoiceDepartment(0, 1, 1)).toBe(true);
    expect(maskVoiceDepartment(1, 0, 1)).toBe(true);
  });
});
