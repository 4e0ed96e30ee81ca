import { describe, expect, it } from 'vitest';
import { lineBuffer } from '../../../server/src/http/line-buffer';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('lineBuffer', () => {
  it('writes the lines of one burst of work together, after it', async () => {
    const writes: string[] = [];
    const lines = lineBuffer((chunk) => writes.push(chunk));
    lines.line('a');
    lines.line('b');
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toEqual(['a\nb\n']);
    lines.line('c');
    await nextTurn();
    expect(writes).toEqual(['a\nb\n', 'c\n']);
  });

  it('writes at once past its size, and everything left on flush', () => {
    const writes: string[] = [];
    const lines = lineBuffer((chunk) => writes.push(chunk), 10);
    lines.line('12345');
    lines.line('67890');
    expect(writes).toEqual(['12345\n67890\n']);
    lines.line('tail');
    lines.flush();
    expect(writes).toEqual(['12345\n67890\n', 'tail\n']);
    lines.flush();
    expect(writes).toHaveLength(2);
  });
});
