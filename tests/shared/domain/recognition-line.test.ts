import { describe, expect, it } from 'vitest';
import { recognitionLine } from '../../../shared/src/domain/recognition-line';

describe('recognitionLine', () => {
  it('names the category, the round and the team, in plain text', () => {
    expect(recognitionLine({ roundName: '2027 Q1', categoryName: 'Faster for the customer', teamName: 'Line 4 maintenance crew' })).toBe(
      'Recognized: Faster for the customer, 2027 Q1 — Line 4 maintenance crew',
    );
  });

  it('keeps markup as literal text', () => {
    expect(recognitionLine({ roundName: 'Q1', categoryName: '<b>x</b>', teamName: '<img src=x>' })).toBe('Recognized: <b>x</b>, Q1 — <img src=x>');
  });
});
