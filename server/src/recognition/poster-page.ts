import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { RecognizedStory } from '../storage/queries/list-recognized-stories';
import { storyParts } from './recognition-feed';

export const POSTER_STYLESHEET = '/recognition/poster.css';

/**
 * How much a poster says (characters of before, after, method and the
 * customer's words): the type steps down so the longest entry still fits
 * one printed page; the stylesheet cuts what would not.
 */
function density(texts: readonly (string | undefined)[]): 'roomy' | 'full' | 'dense' | 'packed' {
  const length = texts.reduce((sum, text) => sum + (text?.length ?? 0), 0);
  return length <= 450 ? 'roomy' : length <= 900 ? 'full' : length <= 1800 ? 'dense' : 'packed';
}

/**
 * A winner's one-page poster, for lobbies, cafés and break rooms: the
 * recognition mark, the team, the customer, before → after, the method and
 * the customer's own words. Written with hono/html, which escapes every value
 * put into it (a team named "<script>" shows as those characters); no script,
 * and its styles come from POSTER_STYLESHEET, so the pages' CSP holds as is.
 */
export function posterPage(story: RecognizedStory): HtmlEscapedString | Promise<HtmlEscapedString> {
  const mark = story.recognition;
  const { before, after, method } = storyParts(story);
  const size = density([before, after, method, story.quote]);
  const change =
    before !== undefined && after !== undefined
      ? html`<div class="change">
          <section class="before"><h2>Before</h2><p>${before}</p></section>
          <div class="arrow" aria-hidden="true">→</div>
          <section class="after"><h2>After</h2><p>${after}</p></section>
        </div>`
      : story.impact
        ? html`<p class="impact">${story.impact}</p>`
        : '';
  const words = story.quote
    ? html`<blockquote class="words">
        <p>“${story.quote}”</p>
        ${story.source ? html`<footer>${story.customer} · ${story.source}</footer>` : html`<footer>${story.customer}</footer>`}
      </blockquote>`
    : '';
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Recognized: ${mark.categoryName}, ${mark.roundName} · ${mark.teamName}</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="${POSTER_STYLESHEET}">
  </head>
  <body>
    <main class="poster ${size}">
      <header class="mark">
        <p class="badge">Recognized</p>
        <p class="award">${mark.categoryName}</p>
        <p class="round">${mark.roundName}</p>
      </header>
      <div class="story">
        <h1 class="team">${mark.teamName}</h1>
        <p class="customer">for <strong>${story.customer}</strong></p>
        ${change}
        ${method !== undefined ? html`<section class="method"><h2>How they did it</h2><p>${method}</p></section>` : ''}
        ${words}
      </div>
      <footer class="foot">Customer Chair · announced ${story.publishOn}</footer>
    </main>
  </body>
</html>`;
}
