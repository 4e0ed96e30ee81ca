import type { JudgingEntry, JudgingRound } from '@customer-chair/shared/schemas/judging';
import { useState } from 'preact/hooks';
import { judging } from './api';
import { Alert } from './alert';
import { counted, PHASE_LABELS } from './format';
import { PanelSummary } from './panel-summary';
import { Scorecard, type ScorecardDraft } from './scorecard';
import { go } from './nav';
import { useLoad } from './use-load';

type View = 'scorecards' | 'summary';

/**
 * The panel's page: pick a round, score its entries one scorecard at a time,
 * read the panel summary; the chair (an admin) marks winners and publishes.
 * A judge tied to a department is never sent its entries (the server keeps
 * them back), and the page says so.
 */
export function Judging({ role, department, roundHint }: { role: 'admin' | 'judge'; department: string | null | undefined; roundHint?: string | undefined }) {
  const roundList = useLoad(() => judging.rounds(), []);
  const rounds = roundList.data?.rounds;
  /** The round in the address (#/judging/2027-q1), so a reload or a shared link opens it; else the round being judged, else the latest. */
  const roundId = rounds && (rounds.some((r) => r.id === roundHint) ? roundHint : (rounds.find((r) => r.phase === 'judging') ?? rounds[0])?.id);
  const setRoundId = (id: string) => go(`judging/${encodeURIComponent(id)}`, { replace: true });
  const entryList = useLoad(() => judging.entries(roundId!), [roundId], { when: roundId !== undefined });
  // Another round's entries are not shown while this one's load.
  const entries = entryList.loading ? undefined : entryList.data?.entries;
  const setEntries = (change: (list: JudgingEntry[] | undefined) => JudgingEntry[] | undefined) => entryList.setData((old) => old && { ...old, entries: change(old.entries) ?? [] });
  const [picked, setEntryId] = useState<string>();
  const entryId = entries?.some((e) => e.id === picked) ? picked : entries?.[0]?.id;
  const [view, setView] = useState<View>('scorecards');
  /** Unsaved scorecards by entry: picking another entry keeps what was typed. */
  const [drafts, setDrafts] = useState<Record<string, ScorecardDraft>>({});
  const error = roundList.error ?? entryList.error;
  const reload = () => (roundList.reload(), entryList.reload());

  const round = rounds?.find((r) => r.id === roundId);
  const entry = entries?.find((e) => e.id === entryId);
  const scored = entries?.filter((e) => e.scorecard).length ?? 0;

  return (
    <main class="content-page judging" aria-labelledby="judging-title">
      <div class="heading">
        <h1 id="judging-title">Judging</h1>
      </div>
      {department && <p class="hint">Entries from your own department ({department}) are not shown to you: you neither see nor score them.</p>}
      {error && (
        <Alert message={error}>
          <button type="button" class="secondary" onClick={reload}>
            Load again
          </button>
        </Alert>
      )}
      {!rounds ? (
        !error && <p class="loading" role="status">Loading the rounds…</p>
      ) : rounds.length === 0 ? (
        <section class="empty">
          <p>Teams’ entries for a recognition round appear here once its submissions close, to be scored against the round’s criteria with feedback for each team.</p>
        </section>
      ) : (
        <>
          <div class="filters row">
            <div class="field inline">
              <label for="judging-round">Round</label>
              <select id="judging-round" value={roundId} onChange={(e) => setRoundId(e.currentTarget.value)}>
                {rounds.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name} — {PHASE_LABELS[r.phase]}
                  </option>
                ))}
              </select>
            </div>
            <fieldset class="chips">
              <legend class="visually-hidden">Show</legend>
              {(
                [
                  ['scorecards', 'Scorecards'],
                  ['summary', 'Panel summary'],
                ] as const
              ).map(([v, label]) => (
                <button type="button" key={v} class={v === view ? 'chip active' : 'chip'} aria-pressed={v === view} onClick={() => setView(v)}>
                  {label}
                </button>
              ))}
            </fieldset>
          </div>
          {round && <p class="hint">{roundDays(round)}</p>}
          {round && view === 'summary' && <PanelSummary key={round.id} round={round} chair={role === 'admin'} onPublished={reload} />}
          {round && view === 'scorecards' &&
            (!entries ? (
              <p class="loading" role="status">Loading the entries…</p>
            ) : entries.length === 0 ? (
              <p class="empty-list">No entries of {round.name} for you to judge{round.phase === 'open' || round.phase === 'upcoming' ? ' yet: it is still taking entries' : ''}.</p>
            ) : (
              <div class="judging-layout">
                <nav class="entry-list" aria-label="Entries">
                  <p class="hint">
                    {scored} of {counted(entries.length, 'entry', 'entries')} scored by you
                  </p>
                  <ul>
                    {entries.map((e) => (
                      <li key={e.id}>
                        <button type="button" class={e.id === entryId ? 'entry-pick active' : 'entry-pick'} aria-current={e.id === entryId ? 'true' : undefined} onClick={() => setEntryId(e.id)}>
                          <span class="entry-team">{e.team.name}</span>
                          <span class="entry-meta">
                            {e.categoryName} · {e.team.department}
                          </span>
                          {e.scorecard ? <span class="badge">Scored</span> : <span class="badge muted">Not scored</span>}
                          {drafts[e.id] && <span class="badge update">Unsaved changes</span>}
                        </button>
                      </li>
                    ))}
                  </ul>
                </nav>
                {entry && round && (
                  <Scorecard
                    key={entry.id}
                    entry={entry}
                    round={round}
                   
                    draft={drafts[entry.id]}
                    onDraft={(draft) => setDrafts(({ [entry.id]: _, ...rest }) => (draft ? { ...rest, [entry.id]: draft } : rest))}
                    onSaved={(card) => {
                      setEntries((list) => list?.map((e) => (e.id === entry.id ? { ...e, scorecard: card } : e)));
                      setDrafts(({ [entry.id]: _, ...rest }) => rest);
                    }}
                  />
                )}
              </div>
            ))}
        </>
      )}
    </main>
  );
}

/** "Submissions 2026-11-09 to 2026-12-01; judged until 2026-12-10; announced on 2026-12-14." */
function roundDays(round: JudgingRound): string {
  const published = round.resultsPublishedAt ? ` Results published ${round.resultsPublishedAt.slice(0, 10)}.` : '';
  return `Submissions ${round.submissionOpens} to ${round.submissionCloses}; scorecards are taken from the day after, through ${round.judgingEnds}; winners announced on ${round.announceOn}.${published}`;
}
