import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mountPopup } from '../../../extension/components/popup';
import { demoBundle } from '../../../extension/lib/demo-bundle';
import { cachedBundle, managedMirror, userSettings } from '../../../extension/lib/storage';
import { actionsForRole } from '../../../shared/src/domain/actions-for-role';
import { pickDailyStory } from '../../../shared/src/domain/pick-daily-story';
import { lateManagedStorage } from '../support/late-managed-storage';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const settle = async () => {
  for (let i = 0; i < 6; i++) await tick();
};
const app = () => document.getElementById('app')!;
const actionTitles = () => [...app().querySelectorAll('.action-text')].map((a) => a.textContent ?? '');
let controller: AbortController;

beforeEach(async () => {
  fakeBrowser.reset();
  controller = new AbortController();
  document.body.innerHTML = '<main id="app"></main>';
  await cachedBundle.setValue({ bundle: demoBundle(), source: 'demo' });
  await userSettings.setValue({ serverUrl: 'http://127.0.0.1:8787', enrollmentKey: '', department: 'sales', role: 'sales', usageStatistics: true });
});
afterEach(() => {
  controller.abort();
  render(null, app());
  vi.restoreAllMocks();
});

describe('the popup while storage.managed answers late', () => {
  it('shows the day at once for the mirrored role, then the actions of the role IT set when the managed read arrives', async () => {
    const bundle = demoBundle();
    const legal = actionsForRole(bundle, 'legal');
    const safety = actionsForRole(bundle, 'safety');
    expect(legal.map((a) => a.id)).not.toEqual(safety.map((a) => a.id));
    await managedMirror.setValue({ role: 'legal' });
    const late = lateManagedStorage({ role: 'safety' });

    const done = mountPopup(app(), controller.signal);
    await settle();
    expect(app().textContent).not.toContain('Loading…');
    expect(app().querySelector('#question-title')).not.toBeNull();
    expect(actionTitles()).toHaveLength(legal.length);
    legal.forEach((action, i) => expect(actionTitles()[i]).toContain(action.text));

    await late.answer();
    await done;
    safety.forEach((action, i) => expect(actionTitles()[i]).toContain(action.text));
  });

  it('links to the nomination page, in a tab of its own', async () => {
    await mountPopup(app(), controller.signal);
    await settle();
    const link = app().querySelector<HTMLAnchorElement>('.quiet a[href="/nominate.html"]')!;
    expect(link.textContent).toBe('Nominate your team’s customer win');
    expect(link.target).toBe('_blank');
  });

  it('marks a recognized story of the day, and copies it with its mark; an ordinary story has none', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const logged: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => (logged.push(message), Promise.resolve({ eventId: 'e1' })));
    await mountPopup(app(), controller.signal);
    await settle();
    expect(app().querySelector('.recognition')).toBeNull();
    expect(app().textContent).not.toContain('Recognized:');
    render(null, app());

    const bundle = demoBundle();
    const today = pickDailyStory(bundle, new Date())!;
    const mark = { roundName: '2027 Q1', categoryName: 'Faster for the customer', teamName: 'Line 4 maintenance crew' };
    bundle.stories = bundle.stories.map((s) => (s.id === today.id ? { ...s, recognition: mark } : s));
    await cachedBundle.setValue({ bundle, source: 'server' });
    await mountPopup(app(), controller.signal);
    await settle();
    expect(app().querySelector('.story .recognition')!.textContent).toBe('★ Recognized: Faster for the customer, 2027 Q1 — Line 4 maintenance crew');
    [...app().querySelectorAll('button')].find((b) => b.textContent === 'Copy story')!.click();
    await settle();
    expect(writeText.mock.calls[0]![0]).toContain('Recognized: Faster for the customer, 2027 Q1 — Line 4 maintenance crew');
    expect(logged).toContainEqual({ kind: 'log', type: 'story_shared', surface: 'popup', storyId: today.id });
  });
});
