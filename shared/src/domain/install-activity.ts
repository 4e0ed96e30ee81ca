import { DAY_BITS_BYTES, dayOfYear } from './set-day-bit';

/** One install's activity in one department and role over one calendar year (a stored row). */
export type ActivityRow = { installId: string; department: string; role: string; year: number; days: Uint8Array };

/** 32-bit words per row and year: 384 bits hold the 366 day bits. */
const WORDS_PER_YEAR = 12;

/** Changes whose row is remembered (changedRowsSince): at least this many of the latest, at most twice as many. */
const CHANGES_LOGGED = 1 << 16;

/**
 * Every install's activity, laid out for counting distinct installs fast:
 * one row per install, department and role (its years side by side), with
 * department and role as numbers and each year's day bits in one typed
 * array (row r's days at words r*12 to r*12+11). A window of days is then a
 * word or two tested per row, with no object touched. Built once from the
 * stored rows and kept up to date with `mark` (a batch's days) or `replace`
 * (a row read again), each noting which days changed (`lastChange`), so
 * that what was counted from a week can be kept until one of its days does,
 * and which row (`changedRowsSince`), so that a count can be brought up to
 * date by looking at those rows alone.
 */
export class InstallActivity {
  /** Department and role names; rows hold their index. */
  readonly departments: string[] = [];
  readonly roles: string[] = [];
  readonly rowDepartment: number[] = [];
  readonly rowRole: number[] = [];
  /**
   * Per row, 0 unless its install has other rows (it moved department or
   * role); then 1 + the index of its rows in `movedInstalls` (a number per
   * row, no map: the install cells have millions of such rows). Such
   * installs are counted apart, so each one counts once.
   */
  readonly rowMoved: number[] = [];
  /** The rows of each install that moved. */
  readonly movedInstalls: number[][] = [];

  private readonly departmentIndex = new Map<string, number>();
  private readonly roleIndex = new Map<string, number>();
  /**
   * Install id to its row, or to its rows when it has several (the array in
   * `movedInstalls`): one entry per install, keyed by the id as it is, so a
   * million installs cost a million entries, not a key string per row.
   */
  private readonly installRows = new Map<string, number | number[]>();
  private readonly years = new Map<number, Int32Array>();
  private capacity = 1024;
  /** Per year and day, when that day was last marked or unmarked on any row (a count of changes: see lastChange). */
  private readonly changes = new Map<number, Float64Array>();
  private changeCount = 0;
  /** The row each of the latest changes was made to: change number `changeLogFirst + i` changed row `changeLog[i]`. */
  private changeLog: number[] = [];
  private changeLogFirst = 1;

  get rowCount(): number {
    return this.rowDepartment.length;
  }

  /** How many changes were made so far (each `mark` or `replace` that changed a day of a row is one, numbered from 1). */
  get changeNumber(): number {
    return this.changeCount;
  }

  /**
   * The rows changed by the changes made after change number `change`
   * (a row once per change, oldest first), or undefined when those are no
   * longer all remembered (only the latest 65,536 or more are): what was
   * worked out as of `change` can then be brought up to date row by row.
   */
  changedRowsSince(change: number): number[] | undefined {
    if (change + 1 < this.changeLogFirst) return undefined;
    return this.changeLog.slice(change + 1 - this.changeLogFirst);
  }

  /** The rows of the install that `row` belongs to (`row` alone unless the install moved). */
  installRowsOf(row: number): readonly number[] {
    const moved = this.rowMoved[row]!;
    return moved === 0 ? [row] : this.movedInstalls[moved - 1]!;
  }

  /** Whether `row` has a day marked from `from` to `to` (days, inclusive). */
  rowActive(row: number, from: string, to: string): boolean {
    const base = row * WORDS_PER_YEAR;
    for (const { words, first, last } of this.yearsWithin(from, to)) {
      for (let word = first >> 5; word <= last >> 5; word++) {
        if ((words[base + word]! & windowMask(first - word * 32, last - word * 32)) !== 0) return true;
      }
    }
    return false;
  }

  /** Adds the days of one stored row (an install's activity in a department and role over a year). */
  mark({ year, installId, department, role, days }: ActivityRow): void {
    const row = this.rowOf(installId, department, role);
    const words = this.wordsOf(year);
    const base = row * WORDS_PER_YEAR;
    let changed: Float64Array | undefined;
    for (let i = 0; i < days.length; i++) {
      if (days[i] === 0) continue;
      const shift = (i & 3) * 8;
      const at = base + (i >> 2);
      const added = days[i]! & ~(words[at]! >>> shift) & 0xff;
      if (added === 0) continue;
      words[at]! |= added << shift;
      changed ??= this.changedDays(year, row);
      stampDays(changed, i, added, this.changeCount);
    }
  }

  /** Sets the days of one stored row to exactly `days` (a row read again replaces what was held). */
  replace(row: ActivityRow): void {
    const index = this.findRow(row.installId, row.department, row.role);
    if (index === undefined) return this.mark(row);
    const words = this.wordsOf(row.year);
    const base = index * WORDS_PER_YEAR;
    let changed: Float64Array | undefined;
    for (let word = 0; word < WORDS_PER_YEAR; word++) {
      let value = 0;
      for (let k = 0; k < 4; k++) value |= (row.days[word * 4 + k] ?? 0) << (k * 8);
      const flipped = words[base + word]! ^ value;
      if (flipped === 0) continue;
      words[base + word] = value;
      changed ??= this.changedDays(row.year, index);
      for (let k = 0; k < 4; k++) stampDays(changed, word * 4 + k, (flipped >>> (k * 8)) & 0xff, this.changeCount);
    }
  }

  /**
   * A number that changes whenever a day from `from` to `to` (inclusive)
   * is marked or unmarked on any row: what was worked out from those days
   * still holds while it stays the same. Rows added without those days do
   * not change it.
   */
  lastChange(from: string, to: string): number {
    let latest = 0;
    for (const [year, stamps] of this.changes) {
      const yearStart = `${year}-01-01`;
      const yearEnd = `${year}-12-31`;
      if (to < yearStart || from > yearEnd) continue;
      const first = from <= yearStart ? 0 : dayOfYear(from);
      const last = to >= yearEnd ? stamps.length - 1 : dayOfYear(to);
      for (let day = first; day <= last; day++) latest = Math.max(latest, stamps[day]!);
    }
    return latest;
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
      for (const row of typeof rows === 'number' ? [rows] : rows) {
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

  /** The row of an install in a department and role, if it has one. */
  private findRow(installId: string, department: string, role: string): number | undefined {
    const rows = this.installRows.get(installId);
    if (rows === undefined) return undefined;
    const d = this.departmentIndex.get(department);
    const r = this.roleIndex.get(role);
    for (const row of typeof rows === 'number' ? [rows] : rows) if (this.rowDepartment[row] === d && this.rowRole[row] === r) return row;
    return undefined;
  }

  /** The row of an install in a department and role, added when it has none yet. */
  private rowOf(installId: string, department: string, role: string): number {
    const d = intern(this.departments, this.departmentIndex, department);
    const r = intern(this.roles, this.roleIndex, role);
    const rows = this.installRows.get(installId);
    if (typeof rows === 'number' && this.rowDepartment[rows] === d && this.rowRole[rows] === r) return rows;
    if (typeof rows === 'object') for (const row of rows) if (this.rowDepartment[row] === d && this.rowRole[row] === r) return row;
    const row = this.rowCount;
    this.rowDepartment.push(d);
    this.rowRole.push(r);
    this.rowMoved.push(0);
    if (row === this.capacity) this.grow();
    if (rows === undefined) {
      this.installRows.set(installId, row);
    } else if (typeof rows === 'number') {
      // A second row: the install moved (or, for cells, used another); its rows are counted apart.
      const moved = [rows, row];
      this.installRows.set(installId, moved);
      this.movedInstalls.push(moved);
      this.rowMoved[rows] = this.movedInstalls.length;
      this.rowMoved[row] = this.movedInstalls.length;
    } else {
      rows.push(row);
      this.rowMoved[row] = this.rowMoved[rows[0]!]!;
    }
    return row;
  }

  private wordsOf(year: number): Int32Array {
    let words = this.years.get(year);
    if (!words) this.years.set(year, (words = new Int32Array(this.capacity * WORDS_PER_YEAR)));
    return words;
  }

  /** A year's change marks per day, for a change about to be made to `row` (each change gets a number of its own). */
  private changedDays(year: number, row: number): Float64Array {
    let days = this.changes.get(year);
    if (!days) this.changes.set(year, (days = new Float64Array(DAY_BITS_BYTES * 8)));
    this.changeCount++;
    this.changeLog.push(row);
    if (this.changeLog.length >= 2 * CHANGES_LOGGED) {
      this.changeLog = this.changeLog.slice(CHANGES_LOGGED);
      this.changeLogFirst += CHANGES_LOGGED;
    }
    return days;
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

/** Marks the days of byte `byte` whose bits are set in `bits` as changed by change number `change`. */
function stampDays(days: Float64Array, byte: number, bits: number, change: number): void {
  for (let bit = 0; bits >> bit !== 0; bit++) if (bits & (1 << bit)) days[byte * 8 + bit] = change;
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
