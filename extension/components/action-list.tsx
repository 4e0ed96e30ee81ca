import type { RoleAction } from '@customer-chair/shared/schemas/role-action';
import type { Surface } from '@customer-chair/shared/schemas/usage-event';
import { useEffect, useState } from 'preact/hooks';
import { logEvent, undoEvent } from '../lib/send-to-background';

/** How long "Undo" stays offered after "I did this". */
export const UNDO_MS = 6000;

type Logged = { eventId?: string; until: number };

/** The role's customer-impact actions, each with "I did this" (and a short Undo). */
export function ActionList({ actions, roleName, surface }: { actions: RoleAction[]; roleName?: string; surface: Surface }) {
  const [logged, setLogged] = useState<Record<string, Logged>>({});
  const [, tick] = useState(0);

  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);

  async function done(action: RoleAction) {
    const eventId = await logEvent({ type: 'action_taken', surface, actionId: action.id });
    setLogged((l) => ({ ...l, [action.id]: { eventId, until: Date.now() + UNDO_MS } }));
  }

  async function undo(action: RoleAction) {
    const entry = logged[action.id];
    if (entry?.eventId) await undoEvent(entry.eventId);
    setLogged(({ [action.id]: _removed, ...rest }) => rest);
  }

  if (actions.length === 0) return null;
  return (
    <section class="actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{roleName ? `What you can do today, in ${roleName}` : 'What you can do today'}</h2>
      <ul>
        {actions.map((action) => {
          const entry = logged[action.id];
          const canUndo = entry !== undefined && entry.until > Date.now();
          return (
            <li key={action.id} class={entry ? 'action done' : 'action'}>
              <span class="action-text">{action.text}</span>
              {entry ? (
                <span class="action-state" role="status">
                  <span class="check" aria-hidden="true">✓</span> Logged — thank you
                  {canUndo && (
                    <button type="button" class="link" onClick={() => undo(action)} aria-label={`Undo: ${action.text}`}>
                      Undo
                    </button>
                  )}
                </span>
              ) : (
                <button type="button" class="secondary" onClick={() => done(action)} aria-label={`I did this: ${action.text}`}>
                  I did this
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
