import { EntryReceiptSchema, EntryStatusSchema, type EntryDraft, type EntryReceipt, type EntryStatus } from '@customer-chair/shared/schemas/recognition-entry';
import { OpenRoundsSchema, type OpenRounds } from '@customer-chair/shared/schemas/recognition-round';
import { apiJson, type Answer, type ApiDeps } from './api-request';

/** The rounds open for entries, and the upcoming ones, with their categories and criteria. */
export function fetchOpenRounds(deps: ApiDeps): Promise<Answer<OpenRounds>> {
  return apiJson(deps, '/api/v1/recognition/rounds', {}, OpenRoundsSchema);
}

/** Submits an entry; the answer holds the receipt, which the server will never show again. */
export function submitEntry(deps: ApiDeps, draft: EntryDraft): Promise<Answer<EntryReceipt>> {
  return apiJson(deps, '/api/v1/recognition/entries', { method: 'POST', body: JSON.stringify(draft), headers: { 'Content-Type': 'application/json' } }, EntryReceiptSchema);
}

/** Where an entry stands, shown only to whoever holds its receipt. */
export function fetchEntryStatus(deps: ApiDeps, kept: { entryId: string; receipt: string }): Promise<Answer<EntryStatus>> {
  return apiJson(deps, `/api/v1/recognition/entries/${encodeURIComponent(kept.entryId)}`, { headers: { 'X-Entry-Receipt': kept.receipt } }, EntryStatusSchema);
}
