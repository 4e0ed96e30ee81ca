/** The dashboard's pages, addressed by the URL's hash (#/stories) so reload and back work. */
export const PAGES = [
  { path: 'adoption', label: 'Adoption' },
  { path: 'stories', label: 'Stories' },
  { path: 'schedule', label: 'Schedule' },
  { path: 'prompts', label: 'Prompts' },
  { path: 'roles', label: 'Roles & actions' },
  { path: 'settings', label: 'Settings' },
  { path: 'import', label: 'Import/Export' },
  { path: 'audit', label: 'Audit log' },
] as const;
export type PagePath = (typeof PAGES)[number]['path'];

/** "#/stories/night-shift-login" → ["stories", "night-shift-login"]. */
export function readHash(hash: string): { page: PagePath; rest: string | undefined } {
  const [first, ...rest] = hash.replace(/^#\/?/, '').split('/');
  const page = PAGES.find((p) => p.path === first)?.path ?? 'adoption';
  return { page, rest: rest.length ? decodeURIComponent(rest.join('/')) : undefined };
}

export const go = (path: string) => {
  location.hash = `#/${path}`;
};

export function Nav({ current }: { current: PagePath }) {
  return (
    <nav class="nav" aria-label="Dashboard">
      <ul>
        {PAGES.map((p) => (
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
