import type { AdminRole } from '@customer-chair/shared/schemas/admin-role';

/**
 * The dashboard's pages, addressed by the URL's hash (#/stories) so reload
 * and back work, each with the roles that may use it: the navigation shows
 * a role only its own pages (the server refuses the others anyway, 403).
 */
export const PAGES = [
  { path: 'adoption', label: 'Adoption', roles: ['admin', 'viewer'] },
  { path: 'judging', label: 'Judging', roles: ['admin', 'judge'] },
  { path: 'rounds', label: 'Rounds', roles: ['admin'] },
  { path: 'stories', label: 'Stories', roles: ['admin'] },
  { path: 'voice', label: 'Voice', roles: ['admin'] },
  { path: 'schedule', label: 'Schedule', roles: ['admin'] },
  { path: 'prompts', label: 'Prompts', roles: ['admin'] },
  { path: 'roles', label: 'Roles & actions', roles: ['admin'] },
  { path: 'settings', label: 'Settings', roles: ['admin'] },
  { path: 'import', label: 'Import/Export', roles: ['admin'] },
  { path: 'people', label: 'People', roles: ['admin'] },
  { path: 'audit', label: 'Audit log', roles: ['admin'] },
] as const satisfies readonly { path: string; label: string; roles: readonly AdminRole[] }[];
export type PagePath = (typeof PAGES)[number]['path'];

/** The pages a role may use, in the navigation's order. */
export const pagesFor = (role: AdminRole) => PAGES.filter((p) => (p.roles as readonly AdminRole[]).includes(role));

/** Where the address points: the page, the item in it (a story's id), and the view's settings after "?" (Adoption's period). */
export type Route = { page: PagePath; rest: string | undefined; params: URLSearchParams };

/** "#/stories/night-shift-login" → stories, "night-shift-login"; "#/adoption/departments/sales?period=13w" → adoption, "departments/sales", period=13w. */
export function readHash(hash: string): Route {
  const address = hash.replace(/^#\/?/, '');
  const mark = address.indexOf('?');
  const [first, ...rest] = (mark < 0 ? address : address.slice(0, mark)).split('/');
  const page = PAGES.find((p) => p.path === first)?.path ?? 'adoption';
  return { page, rest: rest.length ? decodeURIComponent(rest.join('/')) : undefined, params: new URLSearchParams(mark < 0 ? '' : address.slice(mark + 1)) };
}

/** The page to show: the one asked for if the role may use it, else the role's first (a viewer's old link to #/stories opens Adoption). */
export function pageFor(role: AdminRole, asked: PagePath): PagePath {
  const allowed = pagesFor(role);
  return allowed.some((p) => p.path === asked) ? asked : allowed[0]!.path;
}

/** Open a page of the dashboard; `replace` changes the address without a step for Back (a choice within the same page). */
export const go = (path: string, { replace = false } = {}) => {
  if (replace) location.replace(`#/${path}`);
  else location.hash = `#/${path}`;
};

export function Nav({ current, role }: { current: PagePath; role: AdminRole }) {
  return (
    <nav class="nav" aria-label="Dashboard">
      <ul>
        {pagesFor(role).map((p) => (
          <li key={p.path}>
            <a href={`#/${p.path}`} aria-current={p.path === current ? 'page' : undefined}>
              {p.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
