import { render } from 'preact';
import '../../assets/theme.css';
import { NewTab } from '../../components/new-tab';
import { readSnapshot, writeSnapshot, type NewTabData } from '../../lib/new-tab-snapshot';

// Paint from what is stored, never the network (the background keeps the content fresh): first from the
// last new tab's snapshot, synchronously; then from extension storage, which loads after the first paint.
const app = document.getElementById('app')!;
const now = new Date();
const show = (data: NewTabData, confirmed: boolean) =>
  render(
    <NewTab
      // A changed profile or bundle is a new page, not an update of the painted one.
      key={`${data.profile.department}|${data.profile.role}|${data.bundle.version}`}
      bundle={data.bundle}
      profile={data.profile}
      now={now}
      confirmed={confirmed}
      validation={data.validation}
      thanked={data.thanked}
      saveProfile={async (choice) => (await import('../../lib/load-new-tab-data')).saveProfileChoice(choice)}
    />,
    app,
  );

const snapshot = readSnapshot();
if (snapshot) {
  show(snapshot.data, false);
  // Let that frame reach the screen before loading anything more: the storage code's loading and
  // evaluation would otherwise run first and hold the paint back.
  requestAnimationFrame(() => setTimeout(confirm, 0));
} else {
  void confirm();
}

// Not top-level await: it would stop the bundler from putting what this page shares with the storage
// code into this one file, which would then need a second file before its first paint.
async function confirm() {
  const data = await (await import('../../lib/load-new-tab-data')).loadNewTabData();
  writeSnapshot(data, snapshot?.raw);
  show(data, true);
}
