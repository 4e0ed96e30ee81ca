import { describe, expect, it } from 'vitest';
import { judgeKey } from '../../../shared/src/domain/judge-key';

describe('judgeKey', () => {
  it('keeps a token judge and a person judge with the same number apart', () => {
    expect(judgeKey({ id: 3, personId: null })).toBe('token:3');
    expect(judgeKey({ id: null, personId: 3 })).toBe('person:3');
    expect(judgeKey({ id: 3, personId: null })).not.toBe(judgeKey({ id: null, personId: 3 }));
  });
});
