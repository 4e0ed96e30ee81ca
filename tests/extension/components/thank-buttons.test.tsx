import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MeetingCard } from '../../../extension/components/meeting-card';
import { mountPopup } from '../../../extension/components/popup';
import { ThankButtons } from '../../../extension/components/thank-buttons';
import { demoBundle } from '../../../extension/lib/demo-bundle';
import { createEventQueue } from '../../../extension/lib/event-queue';
import type { LogRequest } from '../../../extension/lib/messages';
import { effectiveProfile } from '../../../extension/lib/profile';
import { cachedBundle, eventQueue, thanked, userSettings } from '../../../extension/lib/storage';

const bundle = demoBundle();
const story = bundle.stories.find((s) => s.id === 'forklift-label-height')!;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const settle = async () => {
  for (let i = 0; i < 8; i++) await tick();
};
const app = () => document.getElementById('app')!;
const buttons = () => [...app().querySelectorAll<HTMLButtonElement>('.thanks button')];
const names = () => buttons().map((b) => b.textContent);
const profile = (department: string, usageStatistics = true) => ({ department, usageStatistics });
let logged: LogRequest[];

/** The background's answer to a log request: the real event queue, so "once" is the queue's rule, on every surface. */
function wireBackground() {
  const queue = createEventQueue({
    fetch: (async () => new Response('{}')) as unknown as typeof fetch,
    now: () => Date.parse('2026-12-02T10:00:00Z'),
    random: () => 0.5,
    profile: async () => effectiveProfile(await userSettings.getValue(), {}),
    installId: async () => '5b3f1d2e-8c4a-4f6b-9e1d-2a3b4c5d6e7f',
    timezone: async () => 'UTC',
    scheduleRetry: () => undefined,
  });
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    logged.push(message as LogRequest);
    return queue.enqueue(message as LogRequest).then((eventId) => ({ eventId }));
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  logged = [];
  document.body.innerHTML = '<main id="app"></main>';
  await userSettings.setValue({ serverUrl: 'http://127.0.0.1:8787', enrollmentKey: '', department: 'sales', role: 'sales', usageStatistics: true });
  wireBackground();
});
afterEach(() => render(null, app()));

describe('the thank buttons', () => {
  it('offer each department the story credits, by name', () => {
    render(<ThankButtons story={story} departments={bundle.departments} profile={profile('sales')} surface="newtab" thanked={{}} />, app());
    expect(names()).toEqual(['Thank Manufacturing', 'Thank Operations']);
    expect(app().querySelector('[role="group"]')!.getAttribute('aria-label')).toBe('Thank the team behind this story');
  });

  it('never offer the employee’s own department, nor anything without credits or with usage statistics off', () => {
    render(<ThankButtons story={story} departments={bundle.departments} profile={profile('manufacturing')} surface="newtab" thanked={{}} />, app());
    expect(names()).toEqual(['Thank Operations']);
    render(<ThankButtons story={{ ...story, credits: ['operations'] }} departments={bundle.departments} profile={profile('operations')} surface="newtab" thanked={{}} />, app());
    expect(app().querySelector('.thanks')).toBeNull();
    render(<ThankButtons story={{ ...story, credits: undefined }} departments={bundle.departments} profile={profile('sales')} surface="newtab" thanked={{}} />, app());
    expect(app().querySelector('.thanks')).toBeNull();
    render(<ThankButtons story={story} departments={bundle.departments} profile={profile('sales', false)} surface="newtab" thanked={{}} />, app());
    expect(app().querySelector('.thanks')).toBeNull();
  });

  it('log a team_thanked event with the story and the department, then say “Thanked” and stay disabled', async () => {
    render(<ThankButtons story={story} departments={bundle.departments} profile={profile('sales')} surface="newtab" thanked={{}} />, app());
    buttons()[0]!.click();
    await settle();
    expect(logged).toEqual([{ kind: 'log', type: 'team_thanked', surface: 'newtab', storyId: 'forklift-label-height', thankedDepartment: 'manufacturing' }]);
    expect(names()).toEqual(['Thanked Manufacturing ✓', 'Thank Operations']);
    expect(buttons()[0]!.disabled).toBe(true);
    expect(buttons()[1]!.disabled).toBe(false);
    expect(await eventQueue.getValue()).toEqual([expect.objectContaining({ type: 'team_thanked', storyId: 'forklift-label-height', thankedDepartment: 'manufacturing', department: 'sales' })]);
  });

  it('count once per story and department on this browser: another surface shows it thanked, and a second click sends nothing', async () => {
    render(<ThankButtons story={story} departments={bundle.departments} profile={profile('sales')} surface="newtab" thanked={{}} />, app());
    buttons()[0]!.click();
    await settle();
    render(null, app());

    // The popup reads local:thanked.
    await cachedBundle.setValue({ bundle, source: 'server' });
    const popup = await thanked.getValue();
    render(<ThankButtons story={story} departments={bundle.departments} profile={profile('sales')} surface="popup" thanked={popup} />, app());
    expect(names()).toEqual(['Thanked Manufacturing ✓', 'Thank Operations']);
    expect(buttons()[0]!.disabled).toBe(true);

    // A page painted before the thanks (an older snapshot) still cannot count it twice: the queue checks local:thanked.
    render(null, app());
    render(<ThankButtons story={story} departments={bundle.departments} profile={profile('sales')} surface="meet" thanked={{}} />, app());
    buttons()[0]!.click();
    await settle();
    expect(names()).toEqual(['Thanked Manufacturing ✓', 'Thank Operations']);
    expect(await eventQueue.getValue()).toHaveLength(1);
  });

  it('show in the popup beside the story, and in the meeting card', async () => {
    const today = new Date();
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(today);
    await cachedBundle.setValue({ bundle: { ...bundle, timezone: 'UTC', schedule: { [day]: story.id } }, source: 'server' });
    await thanked.setValue({ 'forklift-label-height:operations': '2026-12-01T09:00:00.000Z' });
    const controller = new AbortController();
    await mountPopup(app(), controller.signal);
    await settle();
    expect(names()).toEqual(['Thank Manufacturing', 'Thanked Operations ✓']);
    expect(app().querySelector('.quiet a[href="/voice.html"]')!.textContent).toBe('Tell the CX team what a customer told you');
    buttons()[0]!.click();
    await settle();
    expect(logged.at(-1)).toMatchObject({ type: 'team_thanked', surface: 'popup', thankedDepartment: 'manufacturing' });
    controller.abort();
    render(null, app());

    render(
      <MeetingCard
        site={{ name: 'Google Meet', targetName: 'the chat', targetKind: 'chat' }}
        story={story}
        hasTarget
        collapsed={false}
        textOf={() => ''}
        onInsert={async () => 'inserted'}
        onCopied={() => undefined}
        onToggle={() => undefined}
        onDismiss={() => undefined}
        thanks={{ surface: 'meet', departments: bundle.departments, profile: profile('sales'), thanked: await thanked.getValue() }}
      />,
      app(),
    );
    expect(names()).toEqual(['Thanked Manufacturing ✓', 'Thanked Operations ✓']);
  });
});
