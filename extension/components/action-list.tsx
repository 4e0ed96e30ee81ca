import type { RoleAction } from '@customer-chair/shared/schemas/role-action';
import type { Surface } from '@customer-chair/shared/schemas/usage-event';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { logEvent, undoEvent } from '../lib/send-to-background';

/** How long "Undo" stays offered after "I did this". */
export const UNDO_MS = 6000;

type Logged = { eventId?: string; until: number };

/** The role's customer-impact actions, each with "I did this" (and a short Undo). */
export function ActionList({ actions, roleName, surface }: { actions: RoleAction[]; roleName?: string; surface: Surface }) {
  const [logged, setLogged] = useState<Record<string, Logged>>({});
  const [, tick] = useState(0);
  // The pressed button leaves the page: the focus goes to the one in its place (Undo, or "I did this" again), not to the top of the page.
  const list = useRef<HTMLUListElement>(null);
  const focusNext = useRef<string | null>(null);
  // An Undo with the keyboard's focus stays until the focus leaves it: someone using a keyboard or a screen reader gets the time they need.
  const [holding, setHolding] = useState<string | null>(null);

  useLayoutEffect(() => {
    const key = focusNext.current;
    if (!key) return;
    focusNext.current = null;
    list.current?.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`)?.focus();
  });

  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);

  async function done(action: RoleAction) {
    const eventId = await logEvent({ type: 'action_taken', surface, actionId: action.id });
    focusNext.current = `undo:${action.id}`;
    setLogged((l) => ({ ...l, [action.id]: { eventId, until: Date.now() + UNDO_MS } }));
  }

  async function undo(action: RoleAction) {
    const entry = logged[action.id];
    if (entry?.eventId) await undoEvent(entry.eventId);
    focusNext.current = `done:${action.id}`;
    setHolding(null);
    setLogged(({ [action.id]: _removed, ...rest }) => rest);
  }

  if (actions.length === 0) return null;
  return (
    <section class="actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{roleName ? `What you can do today, in ${roleName}` : 'What you can do today'}</h2>
      <ul ref={list}>
        {actions.map((action) => {
          const entry = logged[action.id];
          const canUndo = entry !== undefined && (entry.until > Date.now() || holding === action.id);
          return (
            <li key={action.id} class={entry ? 'action done' : 'action'}>
              <span class="action-text">{action.text}</span>
              {entry ? (
                <span class="action-state" role="status">
                  <span class="check" aria-hidden="true">✓</span> Logged — thank you
                  {canUndo && (
                    <button
                      type="button"
                      class="link"
                      data-focus={`undo:${action.id}`}
                      onClick={() => undo(action)}
                      onFocus={(e) => e.currentTarget.matches(':focus-visible') && setHolding(action.id)}
                      onBlur={() => setHolding(null)}
                      aria-label={`Undo: ${action.text}`}
                    >
                      Undo
                    </button>
                  )}
                </span>
              ) : (
                <button type="button" class="secondary" data-focus={`done:${action.id}`} onClick={() => done(action)} aria-label={`I did this: ${action.text}`}>
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
