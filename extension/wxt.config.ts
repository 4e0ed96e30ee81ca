import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/** Servers the extension may reach without asking: a local test or demo server. */
const DEFAULT_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  // No auto-imports: every module says where its names come from.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: { modulePreload: { polyfill: false } },
  }),
  manifest: ({ browser }) => ({
    name: 'Customer Chair',
    description: 'Today’s customer story, the customer-chair question and customer-impact actions for your role — on every new tab and in your meetings.',
    // contextMenus + activeTab + scripting: "insert anywhere" reaches a page only on the user's click or key.
    permissions: ['storage', 'alarms', 'contextMenus', 'activeTab', 'scripting'],
    commands: {
      'insert-question': {
        suggested_key: { default: 'Alt+Shift+Q' },
        description: 'Insert the customer-chair question into the text field you are typing in',
      },
    },
    host_permissions: DEFAULT_HOSTS,
    // A company's own sync server is asked for at run time, from the options page.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(browser === 'firefox'
      ? {
          // Firefox builds MV2, where run-time host access is an optional permission.
          optional_permissions: ['https://*/*', 'http://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'customer-chair@customer-chair.app',
              strict_min_version: '140.0',
              // Usage statistics are department-level interaction counts, and can be turned off.
              data_collection_permissions: { required: ['none'], optional: ['technicalAndInteraction'] },
            },
          },
        }
      : { storage: { managed_schema: 'managed_schema.json' } }),
  }),
});
