import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../server/src/import/read-import-file';

describe('readImportFile', () => {
  it('numbers CSV rows as a spreadsheet does (header = row 1, blank rows counted), multi-line cells included', () => {
    const file = readImportFile('text/csv; charset=utf-8', 'title,body\n"Two\nlines",x\n\nNext,y\n');
    expect(file).toEqual({
      kind: 'stories',
      source: 'CSV',
      input: {
        header: { row: 1, columns: ['title', 'body'] },
        rows: [
          { row: 2, values: { title: 'Two\nlines', body: 'x' } },
          { row: 4, values: { title: 'Next', body: 'y' } },
        ],
      },
    });
  });

  it('detects ";" and tab delimiters and maps friendly column names', () => {
    const semi = readImportFile('text/csv', 'Publish On;TITLE\n2026-01-01;a, b\n');
    expect(semi.kind === 'stories' && semi.input.rows[0]!.values).toEqual({ publishOn: '2026-01-01', title: 'a, b' });
    const tabs = readImportFile('text/csv', 'title\tcustomer\nA\tB\n');
    expect(tabs.kind === 'stories' && tabs.input.rows[0]!.values).toEqual({ title: 'A', customer: 'B' });
  });

  it('names the row of malformed CSV', () => {
    expect(readImportFile('text/csv', 'title,body\nok,ok\n"bad"x,y\n')).toMatchObject({ kind: 'unreadable', row: 3 });
    expect(readImportFile('text/csv', 'title,body\n\nok,ok,extra\n')).toMatchObject({
      kind: 'unreadable',
      row: 3,
      message: 'The CSV could not be read at row 3: it has 3 cells but the first row names 2 columns (a comma or quote may be missing). Nothing was imported.',
    });
  });

  it('tells a story list from an export file, and refuses other bodies', () => {
    expect(readImportFile('application/json', '[{"title":"A"}]')).toMatchObject({ kind: 'stories', input: { rows: [{ row: 1 }] } });
    expect(readImportFile('application/json', '{"format":"customer-chair-content"}')).toEqual({ kind: 'restore', file: { format: 'customer-chair-content' } });
    expect(readImportFile('application/json', '{"title":"A"}')).toMatchObject({ kind: 'unreadable' });
    expect(readImportFile('application/xml', '<a/>')).toEqual({ kind: 'unsupported' });
  });
});
