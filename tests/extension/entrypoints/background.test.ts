import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../extension/entrypoints/background';
import { managedMirror } from '../../../extension/lib/storage';
import { lateManagedStorage } from '../support/late-managed-storage';

// The fake browser has no context menus or commands; what they do is tested beside insert-anywhere.
vi.mock('../../../extension/lib/insert-anywhere', async (original) => ({
  ...(await original<typeof import('../../../extension/lib/insert-anywhere')>()),
  registerInsertAnywhere: vi.fn(),
  createInsertMenus: vi.fn(async () => undefined),
}));

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('the background', () => {
  it('mirrors storage.managed into storage.local whenever it starts, and again when IT changes or removes a value', async () => {
    const late = lateManagedStorage({ department: 'legal', serverUrl: 'https://cx.example.com' });
    background.main();
    await late.answer();
    expect(await managedMirror.getValue()).toEqual({ department: 'legal', serverUrl: 'https://cx.example.com' });

    await late.setPolicy({ department: 'safety' });
    await late.answer();
    expect(await managedMirror.getValue()).toEqual({ department: 'safety' });
  });
});
