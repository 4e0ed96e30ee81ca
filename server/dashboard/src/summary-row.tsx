import type { PanelSummaryEntry } from '@customer-chair/shared/schemas/judging';
import { counted } from './format';

const OUTCOME_WORDS = { recognized: 'Recognized', not_this_round: 'Not this round' } as const;
const score = (n: number | null) => (n === null ? '—' : n.toFixed(2));
const names = (list: string[]) => (list.length ? list.join(', ') : '—');

/** One entry on the panel summary: average, spread, who scored, feedback, and the chair's winner mark. */
export function SummaryRow({ entry, chair, missing, refused, winner, onWinner }: { entry: PanelSummaryEntry; chair: boolean; missing: boolean; refused: boolean; winner: boolean; onWinner: (on: boolean) => void }) {
  const box = `winner-${entry.entryId}`;
  return (
    <tr class={refused ? 'refused' : undefined}>
      <th scope="row">
        <span class="entry-team">{entry.teamName}</span>
        <span class="entry-meta">{entry.department}</span>
        {entry.panelNotes.length > 0 && (
          <details class="panel-notes">
            <summary>{counted(entry.panelNotes.length, 'note for the panel', 'notes for the panel')}</summary>
            <ul>
              {entry.panelNotes.map((n, i) => (
                <li key={i}>
                  <strong>{n.judge}:</strong> {n.note}
                </li>
              ))}
            </ul>
          </details>
        )}
      </th>
      {entry.sealed ? (
        <td colSpan={2} class="hint">
          Sealed until you score it
        </td>
      ) : (
        <>
          <td class="num">{score(entry.average)}</td>
          <td class="num">{entry.scoredBy.length < 2 ? <span class="hint">{entry.scoredBy.length ? 'one judge' : '—'}</span> : score(entry.spread)}</td>
        </>
      )}
      <td>{names(entry.scoredBy)}</td>
      <td>{entry.outcome ? <span class="hint">—</span> : entry.pendingJudges.length ? names(entry.pendingJudges) : <span class="hint">nobody</span>}</td>
      <td>
        {entry.feedbackCount ? counted(entry.feedbackCount, 'judge wrote it', 'judges wrote it') : <span class={missing ? 'error' : 'hint'}>none yet</span>}
      </td>
      <td>
        {entry.outcome ? (
          <span class={entry.outcome === 'recognized' ? 'badge' : 'badge muted'}>{OUTCOME_WORDS[entry.outcome]}</span>
        ) : chair ? (
          <label class="check" for={box}>
            <input id={box} type="checkbox" checked={winner} onChange={(e) => onWinner(e.currentTarget.checked)} />
            Winner<span class="visually-hidden"> — {entry.teamName}</span>
          </label>
        ) : entry.winner ? (
          <span class="badge">Marked</span>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}
