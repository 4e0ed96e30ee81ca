/**
 * The posters' stylesheet, served apart (POSTER_STYLESHEET) because the
 * pages' CSP allows only the server's own stylesheets, no inline style.
 *
 * On screen a poster is a sheet on a grey table; in print it is one portrait
 * page of whatever paper the printer holds. The sheet is sized to fit both
 * A4 (210 × 297 mm) and US Letter (216 × 279 mm) inside 12 mm margins, and
 * cuts what would spill onto a second page (the type steps down first, by
 * how much the winner's texts say: roomy, full, dense, packed). The mark
 * and the footer are never cut: only the story between them may be.
 */
export const POSTER_CSS = `
:root {
  --ink: #1d2327;
  --muted: #5b6770;
  --accent: #0b5d5e;
  --accent-soft: #e3f1ef;
  --before-soft: #f1efeb;
  --base: 15pt;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0;
  background: #d9d6cf;
  color: var(--ink);
  font: var(--base)/1.35 system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
.poster {
  display: flex;
  flex-direction: column;
  gap: 0.9em;
  width: 186mm;
  height: 250mm;
  margin: 12mm auto;
  padding: 12mm 13mm 9mm;
  overflow: hidden;
  background: #fff;
  box-shadow: 0 2px 14px rgb(0 0 0 / 0.18);
  overflow-wrap: anywhere;
}
.poster.full { --base: 12pt; }
.poster.dense { --base: 10pt; }
.story { flex: 1 1 auto; min-height: 0; overflow: hidden; display: flex; flex-direction: column; gap: 0.9em; }
.mark, .foot { flex: none; }
.poster, .poster p, .poster h1, .poster h2 { font-size: var(--base); }
p, h1, h2, blockquote { margin: 0; }
.mark {
  margin: -12mm -13mm 0;
  padding: 9mm 13mm 7mm;
  background: var(--accent);
  color: #fff;
}
.mark .badge {
  font-size: 1em;
  font-weight: 700;
  letter-spacing: 0.3em;
  text-transform: uppercase;
  opacity: 0.85;
}
.mark .award { font-size: 2.1em; font-weight: 800; line-height: 1.1; margin-top: 0.15em; }
.mark .round { font-size: 1.25em; margin-top: 0.2em; opacity: 0.9; }
.poster h1.team { font-size: 2.6em; font-weight: 800; line-height: 1.08; margin-top: 0.3em; }
.poster p.customer { font-size: 1.35em; color: var(--muted); margin-top: -0.4em; }
.customer strong { color: var(--ink); }
.change { display: grid; grid-template-columns: 1fr auto 1fr; gap: 0.6em; align-items: stretch; }
.change section { padding: 0.7em 0.9em; border-radius: 3mm; }
.change .before { background: var(--before-soft); }
.change .after { background: var(--accent-soft); }
.change .arrow { align-self: center; font-size: 2.4em; font-weight: 800; color: var(--accent); }
.poster h2 {
  font-size: 0.8em;
  font-weight: 700;
  letter-spacing: 0.14em;
  text-transform: uppercase;
  color: var(--muted);
  margin-bottom: 0.3em;
}
.change p, .impact { font-size: 1.3em; font-weight: 600; line-height: 1.25; }
.poster .change p { font-size: 1.3em; }
.poster.dense .change p, .poster.packed .change p { font-size: 1.05em; }
.poster.packed { --base: 8pt; }
.poster.packed .story { gap: 0.6em; }
.poster.packed h1.team { font-size: 2em; }
.poster.packed .mark .award { font-size: 1.6em; }
.poster.packed .change p { font-size: 1em; font-weight: 500; }
.poster.packed .method p, .poster.packed .words p { font-size: 1em; }
.after h2 { color: var(--accent); }
.method p, .words p { white-space: pre-line; }
.poster .method p { font-size: 1.1em; }
.words { border-left: 1.5mm solid var(--accent); padding: 0.2em 0 0.2em 0.9em; }
.poster .words p { font-size: 1.2em; font-style: italic; }
.words footer { margin-top: 0.35em; color: var(--muted); }
.foot { margin-top: auto; padding-top: 0.5em; border-top: 0.3mm solid #c9ccce; color: var(--muted); font-size: 0.85em; }
/* No page margin: the sheet keeps its own 12 mm. A browser prints its header and footer (the page's address, which
   may carry ?key=) only in the page margin, so with none it cannot print the enrollment key on a lobby poster. */
@page { size: portrait; margin: 0; }
@media print {
  body { background: none; }
  .poster { margin: 12mm auto 0; box-shadow: none; }
}
`;
