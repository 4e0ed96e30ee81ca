import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keepManagedMirror, mirrorManagedSettings, watchManagedSettings } from '../../../extension/lib/managed-settings';
import { managedMirror, type ManagedSettings } from '../../../extension/lib/storage';
import { lateManagedStorage } from '../support/late-managed-storage';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('the managed-settings mirror', () => {
  it('copies the managed values into storage.local, keeping only the keys and types the policy schema allows', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue({ serverUrl: 'https://cx.example.com', department: 'legal', lockProfile: true, role: 7, stray: 'x' });
    await mirrorManagedSettings();
    expect(await managedMirror.getValue()).toEqual({ serverUrl: 'https://cx.example.com', department: 'legal', lockProfile: true });
  });

  it('is empty (not missing) where the browser has no managed storage', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    await mirrorManagedSettings();
    expect(await managedMirror.getValue()).toEqual({});
  });

  it('is written by the background at start, and again when IT changes the policy; a removed value disappears', async () => {
    const late = lateManagedStorage({ department: 'legal', role: 'legal' });
    const started = keepManagedMirror();
    expect(await managedMirror.getValue()).toEqual({});
    await late.answer();
    await started;
    expect(await managedMirror.getValue()).toEqual({ department: 'legal', role: 'legal' });

    await late.setPolicy({ department: 'safety' });
    await late.answer();
    expect(await managedMirror.getValue()).toEqual({ department: 'safety' });
  });
});

describe('watchManagedSettings', () => {
  it('paints the mirror at once, then the live values when storage.managed answers late', async () => {
    await managedMirror.setValue({ department: 'legal' });
    const late = lateManagedStorage({ department: 'safety' });
    const painted: Array<[ManagedSettings, boolean]> = [];
    const controller = new AbortController();
    const done = watchManagedSettings((managed, live) => painted.push([managed, live]), controller.signal);
    await tick();
    expect(painted).toEqual([[{ department: 'legal' }, false]]);
    await late.answer();
    await done;
    expect(painted).toEqual([
      [{ department: 'legal' }, false],
      [{ department: 'safety' }, true],
    ]);

    await late.setPolicy({});
    await late.answer();
    expect(painted.at(-1)).toEqual([{}, true]);
    controller.abort();
    await late.setPolicy({ role: 'sales' });
    await late.answer();
    expect(painted).toHaveLength(3);
  });

  it('never paints the older mirror over a live read that came first', async () => {
    await managedMirror.setValue({ department: 'legal' });
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue({ department: 'safety' });
    vi.spyOn(managedMirror, 'getValue').mockImplementation(() => new Promise((resolve) => setTimeout(() => resolve({ department: 'legal' }), 20)));
    const painted: ManagedSettings[] = [];
    await watchManagedSettings((managed) => painted.push(managed), new AbortController().signal);
    expect(painted).toEqual([{ department: 'safety' }]);
  });
});
