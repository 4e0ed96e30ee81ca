import { describe, expect, it } from 'vitest';
import { importIssue } from '../../../shared/src/domain/import-issue';

describe('importIssue', () => {
  it('reads "row N, column X: message", leaving out what it does not know', () => {
    expect(importIssue(3, 'title', 'is too long').text).toBe('row 3, column title: is too long');
    expect(importIssue(3, null, 'twice').text).toBe('row 3: twice');
    expect(importIssue(null, null, 'The file is empty.').text).toBe('The file is empty.');
  });
});
