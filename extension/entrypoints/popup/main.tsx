import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../assets/theme.css';
import './popup.css';
import { Popup } from '../../components/popup';
import { readManagedSettings } from '../../lib/managed-settings';
import { INSERT_QUESTION_COMMAND } from '../../lib/insert-anywhere';
import { effectiveProfile } from '../../lib/profile';
import { cachedBundle, syncStatus, userSettings } from '../../lib/storage';

const [cached, user, managed, sync, commands] = await Promise.all([
  cachedBundle.getValue(),
  userSettings.getValue(),
  readManagedSettings(),
  syncStatus.getValue(),
  browser.commands.getAll().catch(() => []),
]);
// The key the employee (or the browser) actually assigned; empty when none is.
const shortcut = commands.find((c) => c.name === INSERT_QUESTION_COMMAND)?.shortcut || undefined;
const bundle = cached?.bundle ?? (await import('../../lib/demo-bundle')).demoBundle();
render(
  <Popup bundle={bundle} profile={effectiveProfile(user, managed)} sync={sync} fromServer={cached?.source === 'server'} now={new Date()} shortcut={shortcut} />,
  document.getElementById('app')!,
);
