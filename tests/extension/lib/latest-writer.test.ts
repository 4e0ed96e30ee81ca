import { describe, expect, it } from 'vitest';
import { latestWriter } from '../../../extension/lib/latest-writer';

describe('latestWriter', () => {
  it('writes one value at a time, skips those overtaken while a write ran, and always ends on the last', async () => {
    const written: number[] = [];
    const busy: boolean[] = [];
    let release!: () => void;
    const writer = latestWriter<number>(
      async (value) => {
        written.push(value);
        if (value === 1) await new Promise<void>((resolve) => (release = resolve));
      },
      (b) => busy.push(b),
    );
    void writer.save(1);
    void writer.save(2);
    void writer.save(3);
    release();
    await writer.idle();
    expect(written).toEqual([1, 3]);
    expect(busy).toEqual([true, false]);
    await writer.save(4);
    expect(written).toEqual([1, 3, 4]);
  });

  it('goes on after a failed write', async () => {
    const written: string[] = [];
    const writer = latestWriter<string>(async (value) => {
      if (value === 'bad') throw new Error('QUOTA_BYTES quota exceeded');
      written.push(value);
    });
    await writer.save('bad');
    await writer.save('good');
    expect(written).toEqual(['good']);
  });
});
