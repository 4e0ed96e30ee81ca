import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { demoBundle } from '../../../extension/lib/demo-bundle';
import { NewTab } from '../../../extension/components/new-tab';
import { effectiveProfile } from '../../../extension/lib/profile';
import { saveProfileChoice } from '../../../extension/lib/load-new-tab-data';
import { userSettings } from '../../../extension/lib/storage';
import { pickDailyStory } from '../../../shared/src/domain/pick-daily-story';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
let messages: unknown[];

beforeEach(() => {
  fakeBrowser.reset();
  messages = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    messages.push(message);
    return Promise.resolve({ eventId: 'e1' });
  });
  document.body.innerHTML = '<main id="app"></main>';
});
// Unmounted, so a page's late effects never log into the next test.
afterEach(() => render(null, document.getElementById('app')!));

describe('the new tab', () => {
  it('asks for department and role on first run, saves them, then shows the day', async () => {
    const bundle = demoBundle();
    const now = new Date('2026-11-23T10:00:00Z');
    const app = document.getElementById('app')!;
    render(<NewTab bundle={bundle} profile={effectiveProfile(await userSettings.getValue(), {})} now={now} saveProfile={saveProfileChoice} />, app);

    expect(app.querySelector('#story-title')).toBeNull();
    const department = app.querySelector<HTMLSelectElement>('#department')!;
    const role = app.querySelector<HTMLSelectElement>('#role')!;
    expect(app.querySelector('label[for="department"]')!.textContent).toBe('Your department');
    expect(app.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).toBe(true);

    department.value = 'legal';
    department.dispatchEvent(new Event('change', { bubbles: true }));
    role.value = 'legal';
    role.dispatchEvent(new Event('change', { bubbles: true }));
    await tick();
    app.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await tick();
    await tick();

    expect(await userSettings.getValue()).toMatchObject({ department: 'legal', role: 'legal' });
    expect(app.querySelector('#story-title')!.textContent).toBe(pickDailyStory(bundle, now)!.title);
    expect(app.querySelectorAll('.action')).toHaveLength(3);
    expect(messages).toContainEqual({ kind: 'log', type: 'story_viewed', surface: 'newtab', storyId: pickDailyStory(bundle, now)!.id });
  });

  it('links, quietly, to the nomination page once the day is shown (not while asking for department and role)', async () => {
    const app = document.getElementById('app')!;
    const profile = effectiveProfile(await userSettings.getValue(), {});
    render(<NewTab bundle={demoBundle()} profile={profile} now={new Date()} saveProfile={saveProfileChoice} />, app);
    expect(app.querySelector('a[href="/nominate.html"]')).toBeNull();
    render(null, app);
    render(<NewTab bundle={demoBundle()} profile={{ ...profile, department: 'sales', role: 'sales' }} now={new Date()} saveProfile={saveProfileChoice} />, app);
    expect(app.querySelector('.quiet a[href="/nominate.html"]')!.textContent).toBe('Nominate your team’s customer win');
  });

  it('shows values set by IT as locked in the first-run picker', async () => {
    const profile = effectiveProfile(await userSettings.getValue(), { department: 'safety' });
    const app = document.getElementById('app')!;
    render(<NewTab bundle={demoBundle()} profile={profile} now={new Date()} saveProfile={saveProfileChoice} />, app);
    expect(app.querySelector<HTMLSelectElement>('#department')!.disabled).toBe(true);
    expect(app.querySelector<HTMLSelectElement>('#department')!.value).toBe('safety');
    expect(app.textContent).toContain('Set by your IT department.');
  });

  it('shows story text literally, never as HTML', async () => {
    const bundle = demoBundle();
    const hostile = '<img src=x onerror="window.hacked=1">';
    bundle.stories = bundle.stories.map((s) => ({ ...s, title: hostile, body: hostile }));
    const profile = effectiveProfile({ ...(await userSettings.getValue()), department: 'legal', role: 'legal' }, {});
    const app = document.getElementById('app')!;
    render(<NewTab bundle={bundle} profile={profile} now={new Date()} saveProfile={saveProfileChoice} />, app);
    expect(app.querySelector('#story-title')!.textContent).toBe(hostile);
    expect(app.querySelector('img')).toBeNull();
  });

  it('counts a story as viewed only once extension storage confirmed what was painted from the snapshot', async () => {
    const bundle = demoBundle();
    const now = new Date('2026-11-23T10:00:00Z');
    const profile = effectiveProfile({ ...(await userSettings.getValue()), department: 'legal', role: 'legal' }, {});
    const app = document.getElementById('app')!;
    render(<NewTab bundle={bundle} profile={profile} now={now} confirmed={false} saveProfile={saveProfileChoice} />, app);
    await tick();
    await tick();
    expect(app.querySelector('#story-title')!.textContent).toBe(pickDailyStory(bundle, now)!.title);
    expect(messages).toEqual([]);

    render(<NewTab bundle={bundle} profile={profile} now={now} confirmed saveProfile={saveProfileChoice} />, app);
    await tick();
    await tick();
    expect(messages).toEqual([{ kind: 'log', type: 'story_viewed', surface: 'newtab', storyId: pickDailyStory(bundle, now)!.id }]);
  });

  it('marks a recognized story of the day, small and in words a screen reader reads; an ordinary story has no mark', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const now = new Date('2026-11-23T10:00:00Z');
    const bundle = demoBundle();
    const ordinary = pickDailyStory(bundle, now)!;
    const mark = { roundName: '2027 Q1', categoryName: 'Faster for the customer', teamName: 'Line 4 maintenance crew' };
    const profile = effectiveProfile({ ...(await userSettings.getValue()), department: 'legal', role: 'legal' }, {});
    const app = document.getElementById('app')!;
    render(<NewTab bundle={bundle} profile={profile} now={now} saveProfile={saveProfileChoice} />, app);
    expect(app.querySelector('#story-title')!.textContent).toBe(ordinary.title);
    expect(app.querySelector('.recognition')).toBeNull();
    expect(app.textContent).not.toContain('Recognized:');

    render(null, app);
    const recognized = { ...bundle, stories: bundle.stories.map((s) => (s.id === ordinary.id ? { ...s, recognition: mark } : s)) };
    render(<NewTab bundle={recognized} profile={profile} now={now} saveProfile={saveProfileChoice} />, app);
    const shown = app.querySelector('.story .recognition')!;
    expect(shown.textContent).toBe('★ Recognized: Faster for the customer, 2027 Q1 — Line 4 maintenance crew');
    // The star is decoration: what is read out is the line the inserted text carries.
    expect(shown.querySelector('[aria-hidden="true"]')!.textContent).toBe('★ ');
    expect(shown.compareDocumentPosition(app.querySelector('#story-title')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    app.querySelector<HTMLButtonElement>('button[aria-label="Share this story (copies it as text)"]')!.click();
    await tick();
    expect(writeText.mock.calls[0]![0]).toContain('\n\nRecognized: Faster for the customer, 2027 Q1 — Line 4 maintenance crew\n\n');
  });
});
