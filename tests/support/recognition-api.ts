import { randomUUID } from 'node:crypto';
import type { EntryDraft, EntryReceipt } from '../../shared/src/schemas/recognition-entry';
import type { RoundDraft } from '../../shared/src/schemas/recognition-round';
import type { TestApp } from './admin-api';

/** The demo round's id when the test app is seeded on its pinned day (2026-11-23): "2027 Q1". */
export const DEMO_ROUND_ID = '2027-q1';

/** A valid entry to the demo round's first category; a new install each time unless `installId` is given. */
export function entryDraft(overrides: Partial<EntryDraft> = {}): EntryDraft {
  return {
    roundId: DEMO_ROUND_ID,
    categoryId: 'faster-for-the-customer',
    team: { name: 'Returns desk', department: 'support' },
    customer: 'Harbour Bank — operations lead',
    before: 'A refund took 12 working days from the customer’s request.',
    after: 'A refund takes 2 working days: 6X less waiting.',
    method: 'Refunds under $500 are approved by the desk itself, the same day, with a weekly sample check by finance.',
    acknowledgement: { quote: 'The refund was there before I had asked twice.', source: 'Customer email, 3 November' },
    selfCheck: [
      { criterionId: 'less-waiting', status: 'met', note: '12 → 2 days on 80 refunds.' },
      { criterionId: 'customer-acknowledged', status: 'partly' },
    ],
    installId: randomUUID(),
    ...overrides,
  };
}

/** A round a CX lead would create: submissions in `[opens, closes]`, one category with two criteria. */
export function roundDraft(overrides: Partial<RoundDraft> & Pick<RoundDraft, 'name' | 'submissionOpens' | 'submissionCloses' | 'judgingEnds' | 'announceOn'>): RoundDraft {
  return {
    categories: [
      {
        id: 'faster-for-the-customer',
        name: 'Faster for the customer',
        description: 'The customer waits less.',
        criteria: [
          { id: 'less-waiting', name: 'How much less the customer waits', guidance: 'Before and after, measured the same way.', evidence: 'Figures.', kind: 'outcome', weight: 5 },
          { id: 'customer-acknowledged', name: 'The customer noticed', guidance: 'Their words.', evidence: 'A quote and its source.', kind: 'customer_acknowledgement', weight: 2 },
        ],
      },
    ],
    ...overrides,
  };
}

/** POSTs an entry as the extension does (a raw string is sent as it is). */
export function submitEntry(t: Pick<TestApp, 'app'>, draft: unknown, headers: Record<string, string> = {}) {
  return t.app.request('/api/v1/recognition/entries', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof draft === 'string' ? draft : JSON.stringify(draft),
  });
}

/** Submits a valid entry and answers its receipt (the test fails loudly if it was refused). */
export async function submittedEntry(t: Pick<TestApp, 'app'>, overrides: Partial<EntryDraft> = {}): Promise<EntryReceipt> {
  const response = await submitEntry(t, entryDraft(overrides));
  if (response.status !== 201) throw new Error(`entry refused: ${response.status} ${await response.text()}`);
  return (await response.json()) as EntryReceipt;
}

/** Asks for an entry's status with its receipt (none when `receipt` is undefined). */
export function getEntryStatus(t: Pick<TestApp, 'app'>, entryId: string, receipt: string | undefined, headers: Record<string, string> = {}) {
  return t.app.request(`/api/v1/recognition/entries/${encodeURIComponent(entryId)}`, {
    headers: { ...(receipt === undefined ? {} : { 'X-Entry-Receipt': receipt }), ...headers },
  });
}
