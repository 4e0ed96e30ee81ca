import type { ApiIssue } from '../schemas/api-error';
import { makeId } from './make-id';

/**
 * Ids for a role's new ordered list of actions: an item that names one of
 * the role's own actions keeps its id (and so its "I did this" counts); a new
 * item gets one made from the role and its text, unique across all roles.
 */
export function assignActionIds(
  role: string,
  items: { id?: string; text: string }[],
  existing: { own: ReadonlySet<string>; taken: ReadonlySet<string> },
): { actions: { id: string; text: string }[]; issues: ApiIssue[] } {
  const issues: ApiIssue[] = [];
  const taken = new Set(existing.taken);
  const used = new Set<string>();
  const actions = items.map((item, i) => {
    if (item.id !== undefined) {
      if (!existing.own.has(item.id)) issues.push({ path: `actions.${i}.id`, message: `"${item.id}" is not one of this role's actions` });
      else if (used.has(item.id)) issues.push({ path: `actions.${i}.id`, message: `"${item.id}" is listed twice` });
      used.add(item.id);
      return { id: item.id, text: item.text };
    }
    const id = makeId(`${role} ${item.text}`, taken, `${role}-action`);
    taken.add(id);
    return { id, text: item.text };
  });
  return { actions, issues };
}
