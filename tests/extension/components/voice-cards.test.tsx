import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NewTab } from '../../../extension/components/new-tab';
import { VoiceCards } from '../../../extension/components/voice-cards';
import { demoBundle } from '../../../extension/lib/demo-bundle';
import { effectiveProfile } from '../../../extension/lib/profile';
import type { VoiceCard } from '../../../shared/src/schemas/voice';

const app = () => document.getElementById('app')!;
const reply = (id: string, from: string, until: string, said = `said ${id}`): VoiceCard => ({ id, kind: 'reply', said, did: `did ${id}`, messageKind: 'customer_said', from, until });
const lesson = (id: string, from: string, until: string): VoiceCard => ({ id, kind: 'lesson', said: `lesson ${id}`, messageKind: 'lesson', from, until });
const cards = () => [...app().querySelectorAll('.voice-card')].map((c) => c.getAttribute('aria-label') + ': ' + [...c.querySelectorAll('p')].map((p) => p.textContent).join(' | '));

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({}));
  document.body.innerHTML = '<main id="app"></main>';
});
afterEach(() => render(null, app()));

describe('the public cards on the new tab', () => {
  it('shows a reply as “You said” and “We did”, and a lesson as shared by a colleague', () => {
    const bundle = { timezone: 'UTC', voiceCards: [reply('reply-1', '2026-12-01', '2026-12-07'), lesson('lesson-2', '2026-11-30', '2026-12-02')] };
    render(<VoiceCards bundle={bundle} now={new Date('2026-12-02T10:00:00Z')} />, app());
    expect(cards()).toEqual(['You said, we did: You said | said reply-1 | We did | did reply-1', 'A lesson shared by a colleague: A lesson shared by a colleague | lesson lesson-2']);
  });

  it('follows the company’s day, not the browser’s: from and until inclusive in the bundle’s time zone', () => {
    const bundle = { timezone: 'Pacific/Auckland', voiceCards: [reply('reply-1', '2026-12-03', '2026-12-04')] };
    // 2026-12-02 12:00 UTC is already 2026-12-03 in Auckland (UTC+13).
    render(<VoiceCards bundle={bundle} now={new Date('2026-12-02T09:00:00Z')} />, app());
    expect(cards()).toEqual([]);
    render(<VoiceCards bundle={bundle} now={new Date('2026-12-02T12:00:00Z')} />, app());
    expect(cards()).toHaveLength(1);
    render(<VoiceCards bundle={bundle} now={new Date('2026-12-04T10:59:00Z')} />, app());
    expect(cards()).toHaveLength(1);
    render(<VoiceCards bundle={bundle} now={new Date('2026-12-04T11:00:00Z')} />, app());
    expect(cards()).toEqual([]);
  });

  it('shows at most three, newest first, and text literally', () => {
    const hostile = '<img src=x onerror="window.hacked=1">';
    const bundle = {
      timezone: 'UTC',
      voiceCards: [reply('reply-a', '2026-11-20', '2026-12-09'), reply('reply-b', '2026-12-01', '2026-12-09', hostile), reply('reply-c', '2026-11-28', '2026-12-09'), reply('reply-d', '2026-11-25', '2026-12-09')],
    };
    render(<VoiceCards bundle={bundle} now={new Date('2026-12-02T10:00:00Z')} />, app());
    expect(app().querySelectorAll('.voice-card')).toHaveLength(3);
    expect([...app().querySelectorAll('.voice-did')].map((p) => p.textContent)).toEqual(['did reply-b', 'did reply-c', 'did reply-d']);
    expect(app().querySelector('img')).toBeNull();
    expect(app().querySelector('.voice-said')!.textContent).toBe(hostile);
  });

  it('are on the new tab with its footer link to the voice form', () => {
    const bundle = { ...demoBundle(), timezone: 'UTC', voiceCards: [reply('reply-1', '2026-12-01', '2026-12-07')] };
    const profile = effectiveProfile({ serverUrl: 'http://127.0.0.1:8787', enrollmentKey: '', usageStatistics: true, department: 'sales', role: 'sales' }, {});
    render(<NewTab bundle={bundle} profile={profile} now={new Date('2026-12-02T10:00:00Z')} saveProfile={async () => undefined} />, app());
    expect(cards()).toHaveLength(1);
    expect(app().querySelector('.quiet a[href="/voice.html"]')!.textContent).toBe('Tell the CX team what a customer told you');
  });
});
