/**
 * A query and its values, written once for both engines: the values are
 * never spliced into the text, each becomes a placeholder (`?` in SQLite,
 * `$n` in PostgreSQL) when the engine renders it. A query nested as a value
 * is inlined with its own values, so optional parts can be composed.
 *
 *   sql`SELECT id FROM stories WHERE id = ${id}`
 *
 * Write SQL both engines read the same way: double-quoted camelCase aliases
 * (`AS "storyId"`, PostgreSQL folds unquoted ones), `CAST(x AS TEXT)` rather
 * than `x::text`, `ON CONFLICT … DO …` rather than `INSERT OR …`, `RETURNING`
 * rather than the last row id. What differs is written per engine
 * (`q.engine`).
 */
export class Sql {
  constructor(
    readonly parts: readonly string[],
    readonly values: readonly unknown[],
  ) {}

  /** The text with `placeholder(n)` for the n-th value (from 1), and the values in that order. */
  render(placeholder: (n: number) => string): { text: string; values: unknown[] } {
    const values: unknown[] = [];
    const text = this.flatten(values, placeholder);
    return { text, values };
  }

  private flatten(values: unknown[], placeholder: (n: number) => string): string {
    let text = this.parts[0]!;
    for (let i = 0; i < this.values.length; i++) {
      const value = this.values[i];
      if (value instanceof Sql) text += value.flatten(values, placeholder);
      else {
        values.push(value);
        text += placeholder(values.length);
      }
      text += this.parts[i + 1]!;
    }
    return text;
  }
}

/** The tagged template: `sql\`… ${value} …\``. */
export function sql(parts: TemplateStringsArray, ...values: unknown[]): Sql {
  return new Sql(parts, values);
}

/** Text put in as it is: table or column names chosen by the code, never by a request. */
sql.raw = (text: string): Sql => new Sql([text], []);

/** Queries (or values) joined by `separator`: `sql.join(ids)` gives `?, ?, ?`. */
sql.join = (items: readonly unknown[], separator = ', '): Sql => {
  if (items.length === 0) return new Sql([''], []);
  const parts = [''];
  for (let i = 1; i < items.length; i++) parts.push(separator);
  parts.push('');
  return new Sql(parts, items);
};
