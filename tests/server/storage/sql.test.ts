import { describe, expect, it } from 'vitest';
import { sql } from '../../../server/src/storage/sql';

describe('sql', () => {
  it('keeps values out of the text: each becomes the engine’s placeholder, in order', () => {
    const query = sql`SELECT * FROM stories WHERE id = ${"x' OR 1=1 --"} AND position > ${3}`;
    expect(query.render(() => '?')).toEqual({ text: 'SELECT * FROM stories WHERE id = ? AND position > ?', values: ["x' OR 1=1 --", 3] });
    expect(query.render((n) => `$${n}`).text).toBe('SELECT * FROM stories WHERE id = $1 AND position > $2');
  });

  it('inlines nested queries with their own values, numbering across them', () => {
    const filter = sql`department = ${'sales'}`;
    const query = sql`SELECT ${1} AS one FROM events WHERE ${filter} AND type IN (${sql.join(['a', 'b'])})`;
    expect(query.render((n) => `$${n}`)).toEqual({ text: 'SELECT $1 AS one FROM events WHERE department = $2 AND type IN ($3, $4)', values: [1, 'sales', 'a', 'b'] });
  });

  it('joins nothing into nothing, and puts raw text in as it is', () => {
    expect(sql`${sql.join([])}`.render(() => '?')).toEqual({ text: '', values: [] });
    expect(sql`SELECT * FROM ${sql.raw('"events"')}`.render(() => '?').text).toBe('SELECT * FROM "events"');
  });
});
