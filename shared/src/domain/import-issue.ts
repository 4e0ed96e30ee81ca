import type { ImportIssue } from '../schemas/content-import';

/** A problem in an import file, with its "row N, column X: message" text. */
export function importIssue(row: number | null, column: string | null, message: string): ImportIssue {
  const where = [row !== null ? `row ${row}` : '', column !== null ? `column ${column}` : ''].filter(Boolean).join(', ');
  return { row, column, message, text: where ? `${where}: ${message}` : message };
}
