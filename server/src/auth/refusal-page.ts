import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/**
 * The page's styles: the product's colours and type (light and dark, the
 * same file the dashboard and the extension are drawn with) and a layout
 * like the dashboard's sign-in page. Inline, because the dashboard's own
 * stylesheet has a fingerprinted name this page cannot know; the pages' CSP
 * allows exactly this text by its hash (REFUSAL_PAGE_STYLE_HASH), and no script.
 */
const STYLE = `${readFileSync(createRequire(import.meta.url).resolve('@customer-chair/shared/theme/tokens.css'), 'utf8')}
main { max-width: 31rem; margin: 14vh auto 0; padding: 0 1.5rem; }
.brand { font-size: 0.78rem; letter-spacing: 0.12em; text-transform: uppercase; color: var(--muted); margin: 0; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.75rem 0 0.5rem; }
.message { margin: 1.25rem 0 1.5rem; background: var(--surface); border: 1px solid var(--line); border-left: 4px solid var(--error); border-radius: 12px; padding: 1rem 1.25rem; overflow-wrap: anywhere; }
.button { display: inline-block; background: var(--accent); color: var(--accent-text); font-weight: 600; text-decoration: none; border-radius: 8px; padding: 0.6rem 1.25rem; }
.button:hover { background: color-mix(in srgb, var(--accent) 88%, var(--text)); }
.button:focus-visible { outline: 3px solid #e2b36f; outline-offset: 2px; }
`;

/** The CSP source that allows the page's inline styles and nothing else inline. */
export const REFUSAL_PAGE_STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/**
 * The page a person lands on when company sign-in did not sign them in: what
 * happened and what to do, in plain words, with a way back to the dashboard.
 * Written with hono/html, which escapes every value (a provider's error text
 * or a name is shown as text); no script.
 */
export function refusalPage(page: { title: string; message: string }): HtmlEscapedString | Promise<HtmlEscapedString> {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <title>${page.title} · Customer Chair</title>
    <style>${raw(STYLE)}</style>
  </head>
  <body>
    <main>
      <p class="brand">Customer Chair · CX dashboard</p>
      <h1>${page.title}</h1>
      <p class="message">${page.message}</p>
      <p><a class="button" href="/">Back to the dashboard</a></p>
    </main>
  </body>
</html>`;
}
