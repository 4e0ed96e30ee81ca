import { toApiIssues, type ApiError } from '../../../shared/src/schemas/api-error';
import { LIMITS } from '../../../shared/src/schemas/limits';
import { EntryDraftSchema, EntryStatusSchema, type EntryDraft, type EntryStatus, type EntryStatusName } from '../../../shared/src/schemas/recognition-entry';
import { OpenRoundsSchema, type Round } from '../../../shared/src/schemas/recognition-round';

type StoredEntry = { id: string; draft: EntryDraft; receipt: string; status: EntryStatusName; feedback: string[] };

/** Three categories' worth of rubric, small enough to read in a test. */
export function testRound(overrides: Partial<Round> = {}): Round {
  const criterion = (id: string, name: string, evidence: string, kind: 'outcome' | 'method' | 'customer_acknowledgement', weight: number) => ({
    id,
    name,
    guidance: `Judges look at ${name.toLowerCase()}.`,
    evidence,
    kind,
    weight,
  });
  return {
    id: '2027-q1',
    name: '2027 Q1',
    submissionOpens: '2026-11-09',
    submissionCloses: '2026-12-14',
    judgingEnds: '2027-01-04',
    announceOn: '2027-01-11',
    categories: [
      {
        id: 'faster-for-the-customer',
        name: 'Faster for the customer',
        description: 'The customer waits less.',
        criteria: [
          criterion('less-waiting', 'How much less the customer waits', 'Before and after figures of the customer’s wait.', 'outcome', 5),
          criterion('reusable-method', 'A method other teams can reuse', 'The steps, written so another team could follow them.', 'method', 3),
          criterion('customer-acknowledged', 'The customer noticed', 'A quote from the customer and where they said it.', 'customer_acknowledgement', 2),
        ],
      },
      {
        id: 'customer-savings',
        name: 'Customer savings',
        description: 'The customer spends less.',
        criteria: [criterion('money-saved', 'What the customer saves', 'The customer’s cost before and after.', 'outcome', 5)],
      },
    ],
    ...overrides,
  };
}

const error = (status: number, code: ApiError['error']['code'], message: string, issues?: ApiError['error']['issues']) =>
  new Response(JSON.stringify({ error: { code, message, ...(issues && { issues }) } } satisfies ApiError), { status, headers: { 'Content-Type': 'application/json' } });
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/**
 * A stand-in for the server's three recognition routes, as the contract
 * describes them (/tmp/recognition-api.md), built on the shared schemas: it
 * validates what the extension sends with them and answers only what they
 * accept. `fetch` is what the page is given.
 */
export function fakeRecognitionServer(options: { rounds?: Round[]; today?: string; enrollmentKey?: string } = {}) {
  const rounds = OpenRoundsSchema.parse({ rounds: options.rounds ?? [testRound()] }).rounds;
  let today = options.today ?? '2026-11-23';
  const entries = new Map<string, StoredEntry>();
  const requests: { method: string; url: string; headers: Record<string, string>; body?: unknown }[] = [];
  let offline = false;
  let answerOverride: (() => Response) | undefined;
  let count = 0;

  const openNow = () => rounds.find((r) => r.submissionOpens <= today && today <= r.submissionCloses);

  function status(entry: StoredEntry): EntryStatus {
    const round = rounds.find((r) => r.id === entry.draft.roundId)!;
    const next = openNow();
    return EntryStatusSchema.parse({
      entryId: entry.id,
      roundId: round.id,
      roundName: round.name,
      categoryId: entry.draft.categoryId,
      categoryName: round.categories.find((c) => c.id === entry.draft.categoryId)!.name,
      teamName: entry.draft.team.name,
      status: entry.status,
      announceOn: round.announceOn,
      feedback: entry.feedback,
      previousEntryId: entry.draft.previousEntryId ?? null,
      nextRound: next && next.id !== round.id ? { id: next.id, name: next.name } : null,
    });
  }

  async function handle(url: URL, init: RequestInit): Promise<Response> {
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    requests.push({ method, url: url.href, headers, body });
    if (options.enrollmentKey !== undefined && headers.authorization !== `Bearer ${options.enrollmentKey}`) {
      return error(401, 'unauthorized', 'The enrollment key is not valid.');
    }
    if (answerOverride) return answerOverride();
    if (method === 'GET' && url.pathname === '/api/v1/recognition/rounds') {
      return json(200, { rounds: rounds.filter((r) => r.submissionCloses >= today) });
    }
    if (method === 'POST' && url.pathname === '/api/v1/recognition/entries') {
      const parsed = EntryDraftSchema.safeParse(body);
      if (!parsed.success) {
        const issues = toApiIssues(parsed.error);
        return error(400, 'invalid_request', `${issues[0]!.path}: ${issues[0]!.message}`, issues);
      }
      const draft = parsed.data;
      const round = rounds.find((r) => r.id === draft.roundId);
      if (!round) return error(404, 'not_found', `There is no round "${draft.roundId}".`);
      if (!round.categories.some((c) => c.id === draft.categoryId)) return error(404, 'not_found', `The round ${round.name} has no category "${draft.categoryId}".`);
      if (!(round.submissionOpens <= today && today <= round.submissionCloses)) {
        return error(409, 'conflict', `Submissions for ${round.name} are open from ${round.submissionOpens} to ${round.submissionCloses}.`);
      }
      if (draft.previousEntryId !== undefined) {
        const earlier = entries.get(draft.previousEntryId);
        const earlierRound = earlier && rounds.find((r) => r.id === earlier.draft.roundId);
        if (!earlierRound || earlierRound.submissionOpens >= round.submissionOpens) {
          return error(400, 'invalid_request', 'previousEntryId: must name an entry of an earlier round', [{ path: 'previousEntryId', message: 'must name an entry of an earlier round' }]);
        }
      }
      const mine = [...entries.values()].filter((e) => e.draft.roundId === round.id && e.draft.installId === draft.installId).length;
      if (mine >= LIMITS.entriesPerInstallPerRound) {
        return error(429, 'rate_limited', `This browser has already sent ${LIMITS.entriesPerInstallPerRound} entries to ${round.name}, the most one browser may send.`);
      }
      const id = `e-${String(++count).padStart(12, 'a')}`;
      const receipt = `receipt-${id}-${'x'.repeat(32)}`;
      entries.set(id, { id, draft, receipt, status: 'submitted', feedback: [] });
      return json(201, { entryId: id, receipt });
    }
    const match = /^\/api\/v1\/recognition\/entries\/([^/]+)$/.exec(url.pathname);
    if (method === 'GET' && match) {
      const entry = entries.get(decodeURIComponent(match[1]!));
      // A wrong or missing receipt answers exactly as an unknown entry.
      if (!entry || headers['x-entry-receipt'] !== entry.receipt) return error(404, 'not_found', 'There is no such entry.');
      return json(200, status(entry));
    }
    return error(404, 'not_found', `No route ${method} ${url.pathname}.`);
  }

  return {
    fetch: (async (input: URL | string, init: RequestInit = {}) => {
      if (offline) throw new TypeError('Failed to fetch');
      return handle(new URL(String(input)), init);
    }) as typeof fetch,
    requests,
    entries,
    /** No network: every request fails as fetch does offline. */
    setOffline(value: boolean) {
      offline = value;
    },
    /** Every request answers this instead (a misbehaving server). */
    answerWith(reply: (() => Response) | undefined) {
      answerOverride = reply;
    },
    /** What publishing (or judging) makes of an entry. */
    setOutcome(entryId: string, name: EntryStatusName, feedback: string[] = []) {
      const entry = entries.get(entryId)!;
      entry.status = name;
      entry.feedback = feedback;
    },
    /** Moves the server's clock: another round may be open then. */
    setToday(day: string) {
      today = day;
    },
  };
}
