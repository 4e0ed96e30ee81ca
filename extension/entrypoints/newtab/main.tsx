import { render } from 'preact';
import '../../assets/theme.css';
import { NewTab } from '../../components/new-tab';
import { readManagedSettings } from '../../lib/managed-settings';
import { effectiveProfile } from '../../lib/profile';
import { cachedBundle, userSettings } from '../../lib/storage';

// Paint from what is stored: no network on this path. The background keeps the content fresh.
const [cached, user, managed] = await Promise.all([cachedBundle.getValue(), userSettings.getValue(), readManagedSettings()]);
const bundle = cached?.bundle ?? (await import('../../lib/demo-bundle')).demoBundle();
render(<NewTab bundle={bundle} profile={effectiveProfile(user, managed)} now={new Date()} />, document.getElementById('app')!);
