import { entryStatus } from '@customer-chair/shared/domain/entry-status';
import { localDay } from '@customer-chair/shared/domain/local-day';
import { roundPhase } from '@customer-chair/shared/domain/round-phase';
import type { ApiIssue } from '@customer-chair/shared/schemas/api-error';
import { LIMITS } from '@customer-chair/shared/schemas/limits';
import { EntryDraftSchema, type EntryDraft, type EntryReceipt, type EntryStatus } from '@customer-chair/shared/schemas/recognition-entry';
import type { OpenRounds, Round } from '@customer-chair/shared/schemas/recognition-round';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { entryInstallHash, newEntryId, newReceipt, receiptMatches } from '../auth/receipts';
import type { AppDeps } from '../deps';
import { apiError, invalidRequest } from '../http/api-error';
import { readJson } from '../http/read-json';
import { requestHeader } from '../http/request-header';
import { limitBody } from '../middleware/limit-body';
import { countInstallEntries } from '../storage/queries/count-install-entries';
import { findRecognitionEntry } from '../storage/queries/find-recognition-entry';
import { findRecognitionRound, type StoredRound } from '../storage/queries/find-recognition-round';
import { getCompanyTimezone } from '../storage/queries/get-company-timezone';
import { getRoundEntrySalt } from '../storage/queries/get-round-entry-salt';
import { insertRecognitionEntry } from '../storage/queries/insert-recognition-entry';
import { listDepartmentRecords } from '../storage/queries/list-department-records';
import { listEntryFeedback } from '../storage/queries/list-entry-feedback';
import { listRecognitionRounds } from '../storage/queries/list-recognition-rounds';
import type { Queries } from '../storage/storage';

/**
 * The extension's recognition paths, which the app puts behind the extensions' CORS and the enrollment key
 * (listed one by one: the feed, later under the same prefix, takes its key in the query).
 */
export const RECOGNITION_PATHS = ['/api/v1/recognition/rounds', '/api/v1/recognition/entries', '/api/v1/recognition/entries/:id'] as const;

/**
 * `/api/v1/recognition`: what the extension's "Nominate your team's
 * customer win" page talks to (the enrollment key and the extensions' CORS
 * are put in front by the app, as for content and events).
 *
 * - `GET /rounds`: the rounds open for entries today (company-local day),
 *   and those still to come (where "Resubmit in the next round" goes), rubric included.
 * - `POST /entries`: a team's entry (EntryDraft) → 201 { entryId, receipt }.
 *   The receipt is shown once; the server keeps only its hash.
 * - `GET /entries/:id` with `X-Entry-Receipt`: where the entry stands and,
 *   once announced, the judges' feedback. A wrong or missing receipt gets
 *   exactly the answer an unknown id gets.
 */
export function recognitionRoutes({ storage, clock, config }: AppDeps) {
  const today = async (q: Queries) => localDay(clock.now(), await getCompanyTimezone(q, config.timezone));

  return new Hono()
    .get('/rounds', async (c) => {
      const day = await today(storage);
      const rounds = (await listRecognitionRounds(storage))
        .filter((round) => round.submissionCloses >= day)
        .sort((a, b) => a.submissionOpens.localeCompare(b.submissionOpens) || a.id.localeCompare(b.id))
        .map(asRound);
      return c.json<OpenRounds>({ rounds });
    })
    .post('/entries', limitBody(LIMITS.entryBodyBytes, 'an entry is a few paragraphs; shorten the longest fields.'), async (c) => {
      const draft = await readJson(c, EntryDraftSchema);
      if (draft instanceof Response) return draft;
      const now = clock.now();
      // Under the content lock: the round cannot change or go while its entry is checked and stored, and on
      // PostgreSQL two entries from one install cannot both pass the per-install count.
      return storage.transaction(async (tx) => {
        const day = await today(tx);
        const round = await findRecognitionRound(tx, draft.roundId);
        if (!round) return apiError(c, 404, 'not_found', `There is no round "${draft.roundId}"; ask for the open rounds again.`, [{ path: 'roundId', message: 'is not a round' }]);
        const category = round.categories.find((each) => each.id === draft.categoryId);
        if (!category) {
          return apiError(c, 404, 'not_found', `${round.name} has no category "${draft.categoryId}"; choose one of ${round.categories.map((each) => `"${each.name}"`).join(', ')}.`, [
            { path: 'categoryId', message: `is not a category of ${round.name}` },
          ]);
        }
        if (day < round.submissionOpens || day > round.submissionCloses) {
          const when = day < round.submissionOpens ? `open on ${round.submissionOpens}` : `closed on ${round.submissionCloses}`;
          return apiError(c, 409, 'conflict', `Submissions for ${round.name} ${when}; nothing was saved.`, [{ path: 'roundId', message: `is not open for entries today (${day})` }]);
        }
        const issues = [...checkSelfCheck(draft, category), ...(await checkDepartment(tx, draft)), ...(await checkPrevious(tx, draft, round))];
        if (issues.length) return invalidRequest(c, issues);
        const salt = (await getRoundEntrySalt(tx, round.id))!;
        const installHash = entryInstallHash(salt, draft.installId);
        if ((await countInstallEntries(tx, round.id, installHash)) >= LIMITS.entriesPerInstallPerRound) {
          return apiError(
            c,
            429,
            'rate_limited',
            `This browser has sent ${LIMITS.entriesPerInstallPerRound} entries to ${round.name}, the most one install may send to a round; nothing was saved. A team with more wins can enter them from another colleague’s browser, or in the next round.`,
          );
        }
        const { installId: _dropped, ...entry } = draft;
        const id = newEntryId();
        const { receipt, receiptHash } = newReceipt();
        await insertRecognitionEntry(tx, { ...entry, id, receiptHash, installHash, submittedAt: now.toISOString() });
        return c.json<EntryReceipt>({ entryId: id, receipt }, 201);
      }, { lock: 'content' });
    })
    .get('/entries/:id', async (c) => {
      const id = c.req.param('id');
      const entry = await findRecognitionEntry(storage, id);
      // Compared even when there is no such entry, so that neither the answer nor its time tells the two apart.
      if (!receiptMatches(requestHeader(c, 'x-entry-receipt'), entry?.receiptHash) || !entry) return noSuchEntry(c);
      const round = (await findRecognitionRound(storage, entry.roundId))!;
      const day = await today(storage);
      const status = entryStatus(roundPhase(round, day, round.resultsPublishedAt), entry.outcome);
      const decided = status === 'recognized' || status === 'not_this_round';
      const next = (await listRecognitionRounds(storage))
        .filter((other) => other.submissionOpens > round.submissionOpens && other.submissionOpens <= day && day <= other.submissionCloses)
        .sort((a, b) => a.submissionOpens.localeCompare(b.submissionOpens) || a.id.localeCompare(b.id))[0];
      return c.json<EntryStatus>({
        entryId: entry.id,
        roundId: round.id,
        roundName: round.name,
        categoryId: entry.categoryId,
        categoryName: round.categories.find((each) => each.id === entry.categoryId)?.name ?? entry.categoryId,
        teamName: entry.teamName,
        status,
        announceOn: round.announceOn,
        feedback: decided ? await listEntryFeedback(storage, entry.id) : [],
        previousEntryId: entry.previousEntryId,
        nextRound: next ? { id: next.id, name: next.name } : null,
      });
    });
}

/** The same answer for an unknown id and for a wrong or missing receipt. */
function noSuchEntry(c: Context): Response {
  return apiError(c, 404, 'not_found', 'There is no entry with this id and receipt; send the entry id and its receipt (X-Entry-Receipt) as the server gave them.');
}

/** A round as the extension is sent it: the rubric, without the server's bookkeeping. */
function asRound({ id, name, submissionOpens, submissionCloses, judgingEnds, announceOn, categories }: StoredRound): Round {
  return { id, name, submissionOpens, submissionCloses, judgingEnds, announceOn, categories };
}

/** Each self-check names a criterion of the entry's category, once. */
function checkSelfCheck(draft: EntryDraft, category: Round['categories'][number]): ApiIssue[] {
  const criteria = new Set(category.criteria.map((criterion) => criterion.id));
  const seen = new Set<string>();
  return draft.selfCheck.flatMap(({ criterionId }, i): ApiIssue[] => {
    const path = `selfCheck.${i}.criterionId`;
    if (!criteria.has(criterionId)) return [{ path, message: `is not a criterion of "${category.name}"` }];
    if (seen.has(criterionId)) return [{ path, message: `checks "${criterionId}" a second time` }];
    seen.add(criterionId);
    return [];
  });
}

/** The team's department is one the company has (entries are counted per department, as usage is). */
async function checkDepartment(q: Queries, draft: EntryDraft): Promise<ApiIssue[]> {
  if ((await listDepartmentRecords(q, draft.team.department)).length) return [];
  return [{ path: 'team.department', message: `is not a department of the company ("${draft.team.department}")` }];
}

/** A resubmission names an entry of an earlier round (one whose submissions opened before this round's). */
async function checkPrevious(q: Queries, draft: EntryDraft, round: StoredRound): Promise<ApiIssue[]> {
  if (draft.previousEntryId === undefined) return [];
  const previous = await findRecognitionEntry(q, draft.previousEntryId);
  const previousRound = previous && (await findRecognitionRound(q, previous.roundId));
  if (previousRound && previousRound.submissionOpens < round.submissionOpens) return [];
  return [{ path: 'previousEntryId', message: `is not an entry of a round before ${round.name}` }];
}
