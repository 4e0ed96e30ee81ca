import { render } from 'preact';
import '../../assets/theme.css';
import './popup.css';
import { Popup } from '../../components/popup';
import { readManagedSettings } from '../../lib/managed-settings';
import { effectiveProfile } from '../../lib/profile';
import { cachedBundle, syncStatus, userSettings } from '../../lib/storage';

const [cached, user, managed, sync] = await Promise.all([
  cachedBundle.getValue(),
  userSettings.getValue(),
  readManagedSettings(),
  syncStatus.getValue(),
]);
const bundle = cached?.bundle ?? (await import('../../lib/demo-bundle')).demoBundle();
render(
  <Popup bundle={bundle} profile={effectiveProfile(user, managed)} sync={sync} fromServer={cached?.source === 'server'} now={new Date()} />,
  document.getElementById('app')!,
);
