import { localDay } from '@customer-chair/shared/domain/local-day';
import { resubmissionDraft } from '@customer-chair/shared/domain/resubmission-draft';
import type { ContentBundle } from '@customer-chair/shared/schemas/content-bundle';
import { EntryDraftSchema, type EntryStatus } from '@customer-chair/shared/schemas/recognition-entry';
import type { Round } from '@customer-chair/shared/schemas/recognition-round';
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { unanswered, type ApiDeps } from '../../lib/api-request';
import { emptyEntryForm, entryContent, formFromContent, hasContent, selfCheckProgress, toEntryDraft, type EntryForm } from '../../lib/entry-form';
import { latestWriter } from '../../lib/latest-writer';
import { useReceiptStatuses } from '../../lib/use-receipt-statuses';
import { effectiveProfile, type Profile } from '../../lib/profile';
import { fetchEntryStatus, fetchOpenRounds, submitEntry } from '../../lib/recognition-api';
import { cachedRounds, entryDraft, keptEntries, type KeptEntry } from '../../lib/recognition-storage';
import { cachedBundle, installId, managedMirror, userSettings } from '../../lib/storage';
import { MyEntries } from './my-entries';
import { NominationForm, type LinkedEntry } from './nomination-form';

export type NominateDeps = {
  fetch: typeof fetch;
  now: () => Date;
  /** For tests: give up on a request sooner. */
  timeoutMs?: number;
};

type Loaded = {
  profile: Profile;
  bundle?: ContentBundle;
  kept: KeptEntry[];
  draft: EntryForm | null;
  rounds: { rounds: Round[]; fetchedAt: string } | null;
};

/** What the field paths of an entry are called on the form. */
const LABELS: Record<string, string> = {
  roundId: 'Round',
  categoryId: 'Category',
  'team.name': 'Team name',
  'team.department': 'Department',
  customer: 'Customer',
  before: 'Before',
  after: 'After',
  method: 'The method',
  'acknowledgement.quote': 'The customer’s quote',
  'acknowledgement.source': 'The quote’s source',
  selfCheck: 'The self-check',
  previousEntryId: 'The earlier entry',
};

/** Field path of an issue as the form shows it: a self-check issue belongs to the self-check. */
const fieldOf = (path: string) => (path.startsWith('selfCheck') ? 'selfCheck' : path);

function issueText(path: string, message: string): string {
  if (path === 'categoryId' && /empty/.test(message)) return 'Choose a category.';
  if (path === 'team.department' && /empty/.test(message)) return 'Choose the team’s department.';
  if (path === 'roundId' && /empty/.test(message)) return 'No round is open for entries.';
  return `${LABELS[path] ?? path} ${message}${/[.!?]$/.test(message) ? '' : '.'}`;
}

async function load(): Promise<Loaded> {
  const [user, managed, cached, kept, draft, rounds] = await Promise.all([
    userSettings.getValue(),
    managedMirror.getValue(),
    cachedBundle.getValue(),
    keptEntries.getValue(),
    entryDraft.getValue(),
    cachedRounds.getValue(),
  ]);
  return { profile: effectiveProfile(user, managed), bundle: cached?.bundle, kept, draft, rounds };
}

/** The install id the entry limit counts by: the background makes it at install; made here if this page came first. */
async function ensureInstallId(): Promise<string> {
  const existing = await installId.getValue();
  if (existing) return existing;
  const id = crypto.randomUUID();
  await installId.setValue(id);
  return id;
}

/** "Nominate your team's customer win": the entry form with its self-check, and the team's entries with their status. */
export function NominatePage({ deps, initial }: { deps: NominateDeps; initial: Loaded }) {
  const { profile, bundle } = initial;
  // The managed values come from the background's mirror: the live managed read can take seconds on a fresh profile.
  const api: ApiDeps = useMemo(() => ({ fetch: deps.fetch, profile: async () => profile, timeoutMs: deps.timeoutMs }), []);
  const today = localDay(deps.now(), bundle?.timezone ?? 'UTC');

  const [rounds, setRounds] = useState(initial.rounds);
  const [roundsProblem, setRoundsProblem] = useState<string>();
  const [roundsLoaded, setRoundsLoaded] = useState(false);
  const [form, setForm] = useState<EntryForm>(() => initial.draft ?? emptyEntryForm({ department: profile.department }));
  const [draftState, setDraftState] = useState<'saved' | 'saving' | 'empty'>(initial.draft ? 'saved' : 'empty');
  const [kept, setKept] = useState(initial.kept);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<{ text: string; error?: boolean }>();
  const [submitting, setSubmitting] = useState(false);
  const [replacing, setReplacing] = useState<EntryForm>();
  const formSection = useRef<HTMLElement>(null);
  const { statuses, online, refresh } = useReceiptStatuses({ initial: initial.kept, kept, idOf: (entry) => entry.entryId, fetchStatus: (entry) => fetchEntryStatus(api, entry), alsoOnRefresh: () => loadRounds() });

  const writer = useMemo(
    () =>
      latestWriter<EntryForm | null>(
        (value) => entryDraft.setValue(value),
        // "Saving…" is set with each change; a write finished with none waiting means it is saved (or, for no draft, gone).
        (busy) => !busy && setDraftState((state) => (state === 'saving' ? 'saved' : state)),
      ),
    [],
  );
  // The form as last changed, ahead of the render: two events before a render must not undo each other.
  const formNow = useRef(form);
  /** Every change the employee makes is saved at once: closing the page loses nothing. */
  const change = (next: EntryForm) => {
    formNow.current = next;
    setForm(next);
    const keep = hasContent(next) || next.previousEntryId !== undefined;
    setDraftState(keep ? 'saving' : 'empty');
    void writer.save(keep ? next : null);
  };

  const open = (rounds?.rounds ?? []).filter((r) => r.submissionOpens <= today && today <= r.submissionCloses);
  const upcoming = (rounds?.rounds ?? []).filter((r) => r.submissionOpens > today).sort((a, b) => a.submissionOpens.localeCompare(b.submissionOpens));

  async function loadRounds() {
    const answer = await fetchOpenRounds(api);
    setRoundsLoaded(true);
    if (answer.ok) {
      const fresh = { rounds: answer.value.rounds, fetchedAt: deps.now().toISOString() };
      setRounds(fresh);
      setRoundsProblem(undefined);
      await cachedRounds.setValue(fresh);
    } else {
      setRoundsProblem(answer.message);
    }
  }


  // A draft for a round that is no longer open moves to the open one (its texts stay); a category the round lacks is cleared.
  useEffect(() => {
    if (!rounds) return;
    const round = open.find((r) => r.id === form.roundId) ?? open[0];
    const roundId = round?.id ?? '';
    const categoryId = round?.categories.some((c) => c.id === form.categoryId) ? form.categoryId : '';
    if (roundId !== form.roundId || categoryId !== form.categoryId) change({ ...formNow.current, roundId, categoryId });
  }, [rounds, today]);

  const roundOf = (id: string) => open.find((r) => r.id === id);

  async function submit() {
    setOutcome(undefined);
    const form = formNow.current;
    const round = roundOf(form.roundId);
    const category = round?.categories.find((c) => c.id === form.categoryId);
    const draft = toEntryDraft(form, category, await ensureInstallId());
    const found: Record<string, string> = {};
    const parsed = EntryDraftSchema.safeParse(draft);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = fieldOf(issue.path.map(String).join('.'));
        found[path] ??= issueText(path, issue.message);
      }
    }
    if (category) {
      const { unchecked, total } = selfCheckProgress(category.criteria, form);
      if (unchecked) found.selfCheck ??= `Check every criterion first: ${unchecked} of ${total} ${unchecked === 1 ? 'is' : 'are'} not checked yet.`;
    }
    setErrors(found);
    if (!parsed.success || Object.keys(found).length) {
      focusFirstProblem();
      return;
    }
    setSubmitting(true);
    const answer = await submitEntry(api, parsed.data);
    setSubmitting(false);
    if (!answer.ok) {
      const named: Record<string, string> = {};
      for (const issue of answer.issues ?? []) named[fieldOf(issue.path)] ??= issueText(fieldOf(issue.path), issue.message);
      setErrors(named);
      setOutcome({
        error: true,
        text: unanswered(answer) ? `${answer.message} Your draft stays in this browser: submit it again when you are back online.` : answer.message,
      });
      return;
    }
    const entry: KeptEntry = {
      entryId: answer.value.entryId,
      receipt: answer.value.receipt,
      roundName: round!.name,
      teamName: parsed.data.team.name,
      categoryName: category!.name,
      submittedAt: deps.now().toISOString(),
      entry: entryContent(parsed.data),
    };
    const next = [entry, ...(await keptEntries.getValue())];
    await keptEntries.setValue(next);
    setKept(next);
    change(emptyEntryForm({ department: form.team.department, roundId: form.roundId }));
    setOutcome({ text: `Submitted: “${entry.teamName}” is in ${entry.roundName}. Its status is under “My team’s entries”.` });
    // The server answers again: ask again for everything it may not have answered before, not only the new entry.
    void refresh(next);
  }

  function focusFirstProblem() {
    requestAnimationFrame(() => (formSection.current?.querySelector('[aria-invalid="true"], .invalid input, .invalid select') as HTMLElement | null)?.focus());
  }

  /** The next round, when this entry missed and can go again there (and has not already). */
  function resubmitTo(entry: KeptEntry, status: EntryStatus): string | undefined {
    if (status.status !== 'not_this_round' || !status.nextRound) return undefined;
    if (kept.some((k) => k.entry.previousEntryId === entry.entryId) || form.previousEntryId === entry.entryId) return undefined;
    return roundOf(status.nextRound.id)?.name;
  }

  async function resubmit(entry: KeptEntry, status: EntryStatus) {
    const round = roundOf(status.nextRound!.id)!;
    const draft = resubmissionDraft(
      { entryId: entry.entryId, status: status.status, categoryName: status.categoryName, draft: { ...entry.entry, installId: await ensureInstallId() } },
      round,
    );
    if (!draft) return;
    const { installId: _ours, ...content } = draft;
    const next = formFromContent({ ...content, categoryId: content.categoryId ?? '' });
    if (hasContent(formNow.current)) setReplacing(next);
    else startResubmission(next);
  }

  function startResubmission(next: EntryForm) {
    setReplacing(undefined);
    setErrors({});
    setOutcome(undefined);
    change(next);
    formSection.current?.scrollIntoView({ block: 'start' });
    (formSection.current?.querySelector('#team-name') as HTMLElement | null)?.focus();
  }

  const linked: LinkedEntry | undefined = useMemo(() => {
    if (!form.previousEntryId) return undefined;
    const earlier = kept.find((k) => k.entryId === form.previousEntryId);
    const known = statuses[form.previousEntryId];
    return {
      entryId: form.previousEntryId,
      roundName: earlier?.roundName ?? 'an earlier round',
      teamName: earlier?.teamName ?? form.team.name,
      feedback: known?.state === 'known' ? known.status.feedback : [],
    };
  }, [form.previousEntryId, form.team.name, kept, statuses]);

  return (
    <div class="page nominate">
      <header class="brand">Customer Chair</header>
      <h1>Nominate your team’s customer win</h1>
      <p class="lede">
        Tell the panel what your team changed for a customer, with figures, and how you did it. The judges score it against the published criteria and
        write feedback; winners become the customer story on every new tab.
      </p>
      {!online && (
        <p class="banner offline" role="status">
          You are offline. Your draft is saved in this browser as you type; submit it when you are back online.
        </p>
      )}

      {kept.length > 0 && <MyEntries entries={kept} statuses={statuses} resubmitTo={resubmitTo} onResubmit={(entry, status) => void resubmit(entry, status)} onRetry={() => void refresh(kept)} />}

      <section class="new-entry" aria-labelledby="new-entry-title" ref={formSection}>
        <h2 id="new-entry-title">{form.previousEntryId ? 'Resubmit your entry' : 'A new entry'}</h2>
        {replacing && (
          <div class="banner" role="alert">
            <p>You have a draft in progress. Replace it with the resubmission?</p>
            <div class="row">
              <button type="button" class="primary" onClick={() => startResubmission(replacing)}>
                Replace my draft
              </button>
              <button type="button" class="secondary" onClick={() => setReplacing(undefined)}>
                Keep my draft
              </button>
            </div>
          </div>
        )}
        {roundsProblem && (
          <p class="banner problem" role="status">
            {roundsProblem} {rounds ? `Showing the rounds as of ${new Date(rounds.fetchedAt).toLocaleString()}.` : 'The rounds and their criteria will show once it answers.'}
          </p>
        )}
        {rounds && open.length === 0 ? (
          <div class="no-round">
            <p>No round is open for entries today.</p>
            {upcoming[0] && (
              <p>
                The next, <strong>{upcoming[0].name}</strong>, opens on {upcoming[0].submissionOpens}. You can start your draft now: it stays in this browser.
              </p>
            )}
          </div>
        ) : (
          !rounds && !roundsLoaded && <p class="hint">Loading the rounds…</p>
        )}
        <NominationForm
          rounds={open}
          departments={bundle?.departments ?? []}
          form={form}
          onEdit={(update) => change(update(formNow.current))}
          errors={errors}
          onSubmit={() => void submit()}
          submitting={submitting}
          outcome={outcome}
          linked={linked}
          onUnlink={() => {
            const { previousEntryId: _earlier, ...rest } = formNow.current;
            change(rest);
          }}
          draftState={draftState}
        />
      </section>
    </div>
  );
}

/** Reads what the page needs from storage, then renders it into `root`. */
export async function mountNominatePage(root: HTMLElement, deps: NominateDeps): Promise<void> {
  const initial = await load();
  render(<NominatePage deps={deps} initial={initial} />, root);
}
