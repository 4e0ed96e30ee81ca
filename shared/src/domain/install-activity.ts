import { DAY_BITS_BYTES, dayOfYear } from './set-day-bit';

/** One install's activity in one department and role over one calendar year (a stored row). */
export type ActivityRow = { installId: string; department: string; role: string; year: number; days: Uint8Array };

/** 32-bit words per row and year: 384 bits hold the 366 day bits. */
const WORDS_PER_YEAR = 12;

/**
 * Every install's activity, laid out for counting distinct installs fast:
 * one row per install, department and role (its years side by side), with
 * department and role as numbers and each year's day bits in one typed
 * array (row r's days at words r*12 to r*12+11). A window of days is then a
 * word or two tested per row, with no object touched. Built once from the
 * stored rows and kept up to date with `mark` (a batch's days) or `replace`
 * (a row read again).
 */
export class InstallActivity {
  /** Department and role names; rows hold their index. */
  readonly departments: string[] = [];
  readonly roles: string[] = [];
  readonly rowDepartment: number[] = [];
  readonly rowRole: number[] = [];
  /**
   * Per row, 1 when its install has other rows (it moved department or
   * role): such installs are counted apart, so each one counts once.
   */
  readonly rowMoved: number[] = [];
  /** The rows of each install that moved. */
  readonly movedInstalls: number[][] = [];

  private readonly departmentIndex = new Map<string, number>();
  private readonly roleIndex = new Map<string, number>();
  private readonly rowIndex = new Map<string, number>();
  /** Install id to its rows. */
  private readonly installRows = new Map<string, number[]>();
  private readonly years = new Map<number, Int32Array>();
  private capacity = 1024;

  get rowCount(): number {
    return this.rowDepartment.length;
  }

  /** Adds the days of one stored row (an install's activity in a department and role over a year). */
  mark({ year, installId, department, role, days }: ActivityRow): void {
    const row = this.rowOf(installId, department, role);
    let words = this.years.get(year);
    if (!words) this.years.set(year, (words = new Int32Array(this.capacity * WORDS_PER_YEAR)));
    const base = row * WORDS_PER_YEAR;
    for (let i = 0; i < days.length; i++) words[base + (i >> 2)]! |= days[i]! << ((i & 3) * 8);
  }

  /** Sets the days of one stored row to exactly `days` (a row read again replaces what was held). */
  replace(row: ActivityRow): void {
    const words = this.years.get(row.year);
    const index = this.rowIndex.get(`${row.installId}\u0000${row.department}\u0000${row.role}`);
    if (words && index !== undefined) words.fill(0, index * WORDS_PER_YEAR, (index + 1) * WORDS_PER_YEAR);
    this.mark(row);
  }

  /** Per row, 1 when it has a day marked from `from` to `to` (days, inclusive). */
  activeRows(from: string, to: string): Uint8Array {
    const active = new Uint8Array(this.rowCount);
    for (const { words, first, last } of this.yearsWithin(from, to)) {
      for (let word = first >> 5; word <= last >> 5; word++) {
        const mask = windowMask(first - word * 32, last - word * 32);
        for (let row = 0, at = word; row < active.length; row++, at += WORDS_PER_YEAR) {
          if ((words[at]! & mask) !== 0) active[row] = 1;
        }
      }
    }
    return active;
  }

  /**
   * The latest day from `from` to `to` on which `row` was active, as
   * year × 1000 + day of the year (so later days are larger), or -1.
   */
  lastActive(row: number, from: string, to: string): number {
    let latest = -1;
    for (const { year, words, first, last } of this.yearsWithin(from, to)) {
      const base = row * WORDS_PER_YEAR;
      for (let day = last; day >= first; day--) {
        if ((words[base + (day >> 5)]! & (1 << (day & 31))) !== 0) {
          latest = Math.max(latest, year * 1000 + day);
          break;
        }
      }
    }
    return latest;
  }

  /** The years that days `from` to `to` reach into, with the first and last of those days in each (days of its year). */
  private *yearsWithin(from: string, to: string): Iterable<{ year: number; words: Int32Array; first: number; last: number }> {
    for (const [year, words] of this.years) {
      const yearStart = `${year}-01-01`;
      const yearEnd = `${year}-12-31`;
      if (to < yearStart || from > yearEnd) continue;
      yield { year, words, first: from <= yearStart ? 0 : dayOfYear(from), last: to >= yearEnd ? 365 : dayOfYear(to) };
    }
  }

  /** The stored rows again (one per year, install, department and role), for checks. */
  rows(): ActivityRow[] {
    const out: ActivityRow[] = [];
    for (const [installId, rows] of this.installRows) {
      for (const row of rows) {
        for (const [year, words] of this.years) {
          const days = new Uint8Array(DAY_BITS_BYTES);
          for (let i = 0; i < days.length; i++) days[i] = words[row * WORDS_PER_YEAR + (i >> 2)]! >>> ((i & 3) * 8);
          if (days.some((b) => b !== 0)) {
            out.push({ year, installId, department: this.departments[this.rowDepartment[row]!]!, role: this.roles[this.rowRole[row]!]!, days });
          }
        }
      }
    }
    return out;
  }

  private rowOf(installId: string, department: string, role: string): number {
    const key = `${installId}\u0000${department}\u0000${role}`;
    let row = this.rowIndex.get(key);
    if (row !== undefined) return row;
    row = this.rowCount;
    this.rowIndex.set(key, row);
    this.rowDepartment.push(intern(this.departments, this.departmentIndex, department));
    this.rowRole.push(intern(this.roles, this.roleIndex, role));
    this.rowMoved.push(0);
    if (row === this.capacity) this.grow();
    const rows = this.installRows.get(installId);
    if (!rows) {
      this.installRows.set(installId, [row]);
    } else {
      if (rows.length === 1) {
        this.rowMoved[rows[0]!] = 1;
        this.movedInstalls.push(rows);
      }
      rows.push(row);
      this.rowMoved[row] = 1;
    }
    return row;
  }

  private grow(): void {
    this.capacity *= 2;
    for (const [year, words] of this.years) {
      const larger = new Int32Array(this.capacity * WORDS_PER_YEAR);
      larger.set(words);
      this.years.set(year, larger);
    }
  }
}

/** An `InstallActivity` holding `rows`. */
export function installActivity(rows: Iterable<ActivityRow> = []): InstallActivity {
  const activity = new InstallActivity();
  for (const row of rows) activity.mark(row);
  return activity;
}

/** The bits of a 32-day word from `first` to `last` (offsets in the word, clamped to it). */
function windowMask(first: number, last: number): number {
  const from = Math.max(0, first);
  const to = Math.min(31, last);
  if (to < from) return 0;
  const width = to - from + 1;
  return (width === 32 ? -1 : ((1 << width) - 1) << from) | 0;
}

function intern(names: string[], index: Map<string, number>, name: string): number {
  let i = index.get(name);
  if (i === undefined) {
    i = names.length;
    names.push(name);
    index.set(name, i);
  }
  return i;
}
