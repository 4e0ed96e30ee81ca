import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/**
 * The page a person lands on when company sign-in did not sign them in: what
 * happened and what to do, in plain words, with a link back to the dashboard.
 * Written with hono/html, which escapes every value (a provider's error text
 * or a name is shown as text); no script, no styles beyond the browser's.
 */
export function refusalPage(page: { title: string; message: string }): HtmlEscapedString | Promise<HtmlEscapedString> {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${page.title} · Customer Chair</title>
  </head>
  <body>
    <main>
      <h1>${page.title}</h1>
      <p>${page.message}</p>
      <p><a href="/">Back to the Customer Chair dashboard</a></p>
    </main>
  </body>
</html>`;
}
