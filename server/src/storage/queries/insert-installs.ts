import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

const INSERT_INSTALL = 'INSERT INTO installs (install_id, first_seen_day) VALUES (?, ?) ON CONFLICT (install_id) DO NOTHING';

/** Records installs first seen on `day` (company-local day of receipt); installs already known keep their day. */
export function insertInstalls(db: Database, installIds: Iterable<string>, day: string): void {
  const insert = statement(db, INSERT_INSTALL);
  for (const installId of installIds) insert.run(installId, day);
}
