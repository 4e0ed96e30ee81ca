import { VOICE_STATUSES, type VoiceKind, type VoiceStatusName } from '@customer-chair/shared/schemas/voice';
import { sql, type Sql } from '../sql';
import type { Queries } from '../storage';
import { readVoiceRow, VOICE_COLUMNS, type StoredVoiceMessage } from './read-voice-row';

export type VoiceInboxFilter = {
  kind?: VoiceKind;
  status?: VoiceStatusName;
  /** One department's messages that may be named, or those of "a small department". */
  department?: { id: string } | 'small';
  /**
   * Which messages may show their department: those of these departments
   * (the ones with at least `minGroupSize` active installs now) that also
   * had at least `minGroupSize` when they came. Every other one is "small".
   */
  named: { departments: readonly string[]; minGroupSize: number };
  limit: number;
};

/**
 * The voice inbox: the newest `limit` messages matching every filter, and
 * how many there are per status with the kind and department filters only
 * (the inbox's tabs).
 */
export async function listVoiceMessages(q: Queries, filter: VoiceInboxFilter): Promise<{ messages: StoredVoiceMessage[]; byStatus: Record<VoiceStatusName, number> }> {
  const { departments, minGroupSize } = filter.named;
  const named = departments.length ? sql`(department IN (${sql.join(departments)}) AND department_installs >= ${minGroupSize})` : sql`(1 = 0)`;
  const conditions: Sql[] = [];
  if (filter.kind !== undefined) conditions.push(sql`kind = ${filter.kind}`);
  if (filter.department === 'small') conditions.push(sql`NOT ${named}`);
  else if (filter.department !== undefined) conditions.push(sql`department = ${filter.department.id}`, named);
  const where = (more: Sql[]) => {
    const all = [...conditions, ...more];
    return all.length ? sql`WHERE ${sql.join(all, ' AND ')}` : sql``;
  };
  const rows = await q.all<StoredVoiceMessage>(
    sql`SELECT ${VOICE_COLUMNS} FROM voice_messages ${where(filter.status === undefined ? [] : [sql`status = ${filter.status}`])}
        ORDER BY submitted_at DESC, id DESC LIMIT ${filter.limit}`,
  );
  const counts = await q.all<{ status: VoiceStatusName; n: number | string }>(sql`SELECT status, COUNT(*) AS n FROM voice_messages ${where([])} GROUP BY status`);
  const byStatus = Object.fromEntries(VOICE_STATUSES.map((status) => [status, 0])) as Record<VoiceStatusName, number>;
  for (const { status, n } of counts) byStatus[status] = Number(n);
  return { messages: rows.map(readVoiceRow), byStatus };
}
