import type { StoryImportInput } from '@customer-chair/shared/domain/plan-story-import';
import { IMPORT_COLUMNS } from '@customer-chair/shared/schemas/content-import';
import { EXPORT_FORMAT } from '@customer-chair/shared/schemas/content-export';
import { CsvError, parse } from 'csv-parse/sync';

export type ImportFile =
  | { kind: 'stories'; source: 'CSV' | 'JSON'; input: StoryImportInput }
  | { kind: 'restore'; file: unknown }
  | { kind: 'unreadable'; message: string; row?: number }
  | { kind: 'unsupported' };

/** "Publish On", "publish_on" and "publishOn" in a spreadsheet's header all mean publishOn. */
const CANONICAL = new Map(IMPORT_COLUMNS.map((c) => [c.toLowerCase(), c]));
const canonicalColumn = (header: string) => CANONICAL.get(header.toLowerCase().replace(/[^a-z0-9]/g, '')) ?? header.trim();

/** Spreadsheets in many locales save with ";" (or tabs); the header line tells which. */
function detectDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/**
 * Reads an import body by its content type: CSV (first row = column names;
 * rows numbered as a spreadsheet shows them, the header being row 1), or
 * JSON — a list of stories (`[...]` or `{"stories": [...]}`, the first being
 * row 1), or an export file (restored whole).
 */
export function readImportFile(contentType: string, text: string): ImportFile {
  if (/^text\/csv\s*(;|$)/i.test(contentType)) return readCsv(text);
  if (!/^application\/json\s*(;|$)/i.test(contentType)) return { kind: 'unsupported' };
  let body: unknown;
  try {
    body = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { kind: 'unreadable', message: 'The file is not valid JSON.' };
  }
  const list = Array.isArray(body) ? body : (body as { stories?: unknown } | null)?.stories;
  if (typeof body === 'object' && body !== null && (body as { format?: unknown }).format === EXPORT_FORMAT) return { kind: 'restore', file: body };
  if (!Array.isArray(list)) {
    return { kind: 'unreadable', message: `The JSON must be a list of stories, {"stories": [...]}, or a file exported from Customer Chair ("format": "${EXPORT_FORMAT}").` };
  }
  return { kind: 'stories', source: 'JSON', input: { rows: list.map((values, i) => ({ row: i + 1, values })) } };
}

function readCsv(text: string): ImportFile {
  let records: string[][];
  try {
    // Blank lines are kept (then skipped below) so that row numbers stay those a spreadsheet shows.
    records = parse(text, { bom: true, delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')), relax_column_count: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // `records` counts the rows read before the bad one, the header included.
    const row = ((error as CsvError & { records?: number }).records ?? 0) + 1;
    return { kind: 'unreadable', row, message: `The CSV could not be read at row ${row}: ${error.message.replace(/\.$/, '')}. Nothing was imported.` };
  }
  const [header, ...rest] = records;
  if (!header || header.every((cell) => cell === '')) {
    return { kind: 'unreadable', message: 'The CSV is empty: its first row must name the columns (title, customer, body…).' };
  }
  const columns = header.map(canonicalColumn);
  const rows = rest.map((cells, i) => ({ row: i + 2, cells })).filter(({ cells }) => cells.some((cell) => cell !== ''));
  const uneven = rows.find(({ cells }) => cells.length !== columns.length);
  if (uneven) {
    const message = `The CSV could not be read at row ${uneven.row}: it has ${uneven.cells.length} cells but the first row names ${columns.length} columns (a comma or quote may be missing). Nothing was imported.`;
    return { kind: 'unreadable', row: uneven.row, message };
  }
  return {
    kind: 'stories',
    source: 'CSV',
    input: {
      header: { row: 1, columns },
      rows: rows.map(({ row, cells }) => ({ row, values: Object.fromEntries(columns.map((column, j) => [column, cells[j]!])) })),
    },
  };
}
