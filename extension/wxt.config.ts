import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { inlineStylesheets } from './build/inline-stylesheets';

/** Servers the extension may reach without asking: a local test or demo server. */
const DEFAULT_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  // No auto-imports: every module says where its names come from.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: { modulePreload: { polyfill: false } },
  }),
  hooks: {
    // The new tab paints only once the files its HTML names have arrived, and the browser serves each file of an
    // extension from its UI thread, which is busiest just after a navigation (15–30 ms a file in a trace on a busy
    // machine). Built with the other pages, it needed six (chunks shared with the popup and options) and a
    // stylesheet; built alone it needs one script, with only the storage code it loads after painting split off,
    // and its CSS goes into its HTML.
    'entrypoints:grouped': (_wxt, groups) => {
      const pages = groups.find((group) => Array.isArray(group) && group.some((entry) => entry.type === 'newtab'));
      if (Array.isArray(pages) && pages.length > 1) groups.push(pages.splice(pages.findIndex((entry) => entry.type === 'newtab'), 1));
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.length === 1 && entrypoints[0]!.type === 'newtab') config.plugins = [...(config.plugins ?? []), inlineStylesheets()];
    },
  },
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
