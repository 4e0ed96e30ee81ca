import type { JudgingEntry, JudgingRound, SavedScorecard } from '@customer-chair/shared/schemas/judging';
import { LIMITS } from '@customer-chair/shared/schemas/limits';
import type { SelfCheck } from '@customer-chair/shared/schemas/recognition-entry';
import { useState } from 'preact/hooks';
import { ApiFailure, failureMessage, judging } from './api';
import { Alert } from './alert';
import { Saved } from './saved';
import { TextField } from './text-field';
import { BusyButton } from './busy-button';

const SCORES = [1, 2, 3, 4, 5] as const;

/** A scorecard as typed, not saved yet. */
export type ScorecardDraft = { scores: Record<string, number>; feedback: string; panelNote: string };
const SCORE_WORDS: Record<number, string> = { 1: 'not shown', 2: 'weak', 3: 'fair', 4: 'strong', 5: 'outstanding' };
const SELF_CHECK_WORDS: Record<SelfCheck['status'], string> = { met: 'Met', partly: 'Partly', not_yet: 'Not yet' };
const OUTCOME_WORDS = { recognized: 'Recognized', not_this_round: 'Not this round' } as const;

/**
 * One entry and the caller's scorecard of it: what the team wrote, then each
 * criterion with its guidance, evidence, weight and the team's own check,
 * scored 1–5 (a radio group each); feedback to the team and a note for the
 * panel. Everything shown is the teams' and the server's text, as text.
 */
export function Scorecard({
  entry,
  round,
  draft,
  onDraft,
  onSaved,
}: {
  entry: JudgingEntry;
  round: JudgingRound;
  /** What the judge typed and did not save, kept by the page while they look at another entry. */
  draft: ScorecardDraft | undefined;
  /** Undefined once the card is back to what was saved. */
  onDraft: (draft: ScorecardDraft | undefined) => void;
  onSaved: (card: SavedScorecard) => void;
}) {
  const saved = entry.scorecard;
  const [scores, setScoresState] = useState<Record<string, number>>(() => draft?.scores ?? Object.fromEntries((saved?.scores ?? []).map((s) => [s.criterionId, s.score])));
  const [feedback, setFeedbackState] = useState(draft?.feedback ?? saved?.feedback ?? '');
  const [panelNote, setPanelNoteState] = useState(draft?.panelNote ?? saved?.panelNote ?? '');
  const current = { scores, feedback, panelNote };
  const keep = (next: ScorecardDraft) => onDraft(sameAsSaved(next, saved) ? undefined : next);
  const setScores = (change: (s: Record<string, number>) => Record<string, number>) => {
    const next = change(scores);
    setScoresState(next);
    keep({ ...current, scores: next });
  };
  const setFeedback = (value: string) => (setFeedbackState(value), keep({ ...current, feedback: value }));
  const setPanelNote = (value: string) => (setPanelNoteState(value), keep({ ...current, panelNote: value }));
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const open = round.phase === 'judging';
  const totalWeight = entry.criteria.reduce((sum, c) => sum + c.weight, 0);

  async function save(e: Event) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setDone(undefined);
    try {
      const card = await judging.saveScorecard(entry.id, {
        scores: entry.criteria.filter((c) => scores[c.id] !== undefined).map((c) => ({ criterionId: c.id, score: scores[c.id]! })),
        feedback,
        panelNote,
      });
      onSaved(card);
      setError(undefined);
      setDone(`Your scorecard of “${entry.team.name}” is saved.`);
    } catch (failure) {
      const message = failureMessage(failure);
      setError(failure instanceof ApiFailure && failure.status === 400 && !/nothing was saved/i.test(message) ? `${message} Nothing was saved.` : message);
    } finally {
      setBusy(false);
    }
  }

  const idBase = `sc-${entry.id}`;
  return (
    <article class="scorecard" aria-labelledby={`${idBase}-title`}>
      <header class="scorecard-head">
        <h2 id={`${idBase}-title`}>{entry.team.name}</h2>
        <p class="entry-meta">
          {entry.categoryName} · department {entry.team.department} · submitted {entry.submittedAt.slice(0, 10)}
          {entry.winner && <span class="badge"> Marked a winner</span>}
          {entry.outcome && <span class="badge muted"> {OUTCOME_WORDS[entry.outcome]}</span>}
        </p>
      </header>
      <dl class="entry-facts">
        <dt>Customer</dt>
        <dd>{entry.customer}</dd>
        <dt>Before</dt>
        <dd>{entry.before}</dd>
        <dt>After</dt>
        <dd>{entry.after}</dd>
        <dt>Method others can reuse</dt>
        <dd>{entry.method}</dd>
        <dt>Customer’s acknowledgement</dt>
        <dd>
          {entry.acknowledgement ? (
            <>
              <q>{entry.acknowledgement.quote}</q> <span class="hint">— {entry.acknowledgement.source}</span>
            </>
          ) : (
            <span class="hint">None given.</span>
          )}
        </dd>
      </dl>
      {entry.history.length > 0 && (
        <section class="entry-history" aria-labelledby={`${idBase}-history`}>
          <h3 id={`${idBase}-history`}>Resubmission: entered before</h3>
          <ul>
            {entry.history.map((h) => (
              <li key={h.entryId}>
                <strong>{h.roundName}</strong>, {h.categoryName}: {h.outcome ? OUTCOME_WORDS[h.outcome] : 'results not published'}
                {h.feedback.length > 0 && (
                  <ul class="history-feedback">
                    {h.feedback.map((f, i) => (
                      <li key={i}>{f}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <form class="stack" onSubmit={save}>
        <h3>Your scores</h3>
        {!open && <p class="hint">{notOpen(round)}</p>}
        {entry.criteria.map((c) => {
          const check = entry.selfCheck.find((s) => s.criterionId === c.id);
          const name = `${idBase}-${c.id}`;
          return (
            <fieldset key={c.id} class="criterion" aria-describedby={`${name}-guidance`}>
              <legend>
                {c.name} <span class="weight">weight {c.weight} of {totalWeight}</span>
              </legend>
              <p id={`${name}-guidance`} class="criterion-guidance">
                {c.guidance}
              </p>
              <p class="hint">
                <strong>Evidence that counts:</strong> {c.evidence}
              </p>
              <p class="self-check">
                <strong>The team’s self-check:</strong> {check ? SELF_CHECK_WORDS[check.status] : 'not answered'}
                {check?.note && <> — {check.note}</>}
              </p>
              {/* The fieldset and its legend make the radio group: one name per criterion, arrows move the score. */}
              <div class="score-scale">
                {SCORES.map((n) => (
                  <label key={n} class={scores[c.id] === n ? 'score active' : 'score'}>
                    <input type="radio" name={name} value={n} checked={scores[c.id] === n} disabled={!open} onChange={() => (setScores((s) => ({ ...s, [c.id]: n })), setDone(undefined))} />
                    <span class="score-n">{n}</span>
                    <span class="score-word">{SCORE_WORDS[n]}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}
        <TextField
          id={`${idBase}-feedback`}
          label="Feedback to the team"
          value={feedback}
          onInput={(v) => (setFeedback(v), setDone(undefined))}
          max={LIMITS.feedback}
          multiline
          rows={5}
          disabled={!open}
          hint="The team reads this once the results are announced, unsigned: your name is never shown with it. Say what was strong and what would make the entry win next time. Every entry that does not win needs feedback from at least one judge."
        />
        <TextField
          id={`${idBase}-note`}
          label="Note for the panel"
          value={panelNote}
          onInput={(v) => (setPanelNote(v), setDone(undefined))}
          max={LIMITS.panelNote}
          multiline
          rows={3}
          disabled={!open}
          hint="Only the judges and the chair read this; the team never does."
        />
        {error && <Alert message={error} />}
        <div class="form-actions">
          {/* Not disabled while saving: a disabled button drops the keyboard's focus to the top of the page. */}
          <BusyButton type="submit" class="primary" busy={busy} disabled={!open}>
            {saved ? 'Save changes' : 'Save scorecard'}
          </BusyButton>
          {draft ? <span class="hint">Not saved yet</span> : saved && <span class="hint">Last saved {new Date(saved.updatedAt).toLocaleString()}</span>}
        </div>
        <Saved message={done} />
      </form>
    </article>
  );
}

function sameAsSaved(draft: ScorecardDraft, saved: SavedScorecard | null): boolean {
  const scores = Object.fromEntries((saved?.scores ?? []).map((s) => [s.criterionId, s.score]));
  const keys = new Set([...Object.keys(scores), ...Object.keys(draft.scores)]);
  return [...keys].every((k) => scores[k] === draft.scores[k]) && draft.feedback.trim() === (saved?.feedback ?? '').trim() && draft.panelNote.trim() === (saved?.panelNote ?? '').trim();
}

function notOpen(round: JudgingRound): string {
  if (round.resultsPublishedAt) return `The results of ${round.name} are published; its scorecards are closed.`;
  if (round.phase === 'upcoming' || round.phase === 'open') return `${round.name} is still taking entries until ${round.submissionCloses}; scorecards are taken after that, through ${round.judgingEnds}.`;
  return `Judging of ${round.name} ended on ${round.judgingEnds}; scorecards are closed.`;
}
