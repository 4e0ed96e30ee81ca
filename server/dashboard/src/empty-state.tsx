/** No events in the period: for a new CX lead, the steps that make the first figures appear. */
export function EmptyState() {
  const server = location.origin;
  return (
    <section class="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">No activity in this period yet</h2>
      <p>
        Figures appear here as soon as employees’ browsers send their first events. If the extension is already out, try a longer period. If you are just
        setting up Customer Chair:
      </p>
      <ol class="steps">
        <li>
          <strong>Build the extension.</strong> <code>pnpm start</code> in the repository builds it — for Chrome and Edge in{' '}
          <code>extension/.output/chrome-mv3/</code>, for Firefox in <code>extension/.output/firefox-mv2/</code> (the README’s “Start here” has the details).
        </li>
        <li>
          <strong>Roll it out.</strong> Have IT force-install it through browser policy with this server’s address (<code>{server}</code>), your enrolment key, and each
          team’s department and role — the README’s section <em>“Deploying to a company”</em> has the Chrome, Edge and Firefox policies.
        </li>
        <li>
          <strong>Or try it yourself first.</strong> In Chrome open <code>chrome://extensions</code>, turn on Developer mode, choose <em>Load unpacked</em> and pick{' '}
          <code>extension/.output/chrome-mv3</code>; set the server address in its options, then open a new tab.
        </li>
      </ol>
      <p class="hint">Each department appears under its own name once it has enough active installs to keep individuals anonymous; smaller ones are shown together.</p>
    </section>
  );
}
