import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MeetingCard, type CardItem } from '../../../extension/components/meeting-card';

const story = {
  id: 'night-shift',
  title: '<img src=x onerror="window.__ran=1">The night nurse',
  customer: 'St. Aldric Hospital',
  quote: 'At 3 a.m. there is no IT desk.',
  body: 'Body.',
  tags: [],
  archived: false,
};
const question = { id: 'want-this', text: 'Did customers tell us they want this?', where: 'both' as const };
const chat = { name: 'Google Meet', targetName: 'the chat (In-call messages)', targetKind: 'chat' as const };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function show(props: Partial<Parameters<typeof MeetingCard>[0]> = {}) {
  const calls = { inserted: [] as CardItem[], copied: [] as CardItem[], toggled: 0, dismissed: 0 };
  const app = document.getElementById('app')!;
  render(
    <MeetingCard
      site={chat}
      story={story}
      question={question}
      hasTarget
      collapsed={false}
      textOf={(item) => `text of ${item}`}
      onInsert={async (item) => (calls.inserted.push(item), 'inserted')}
      onCopied={(item) => calls.copied.push(item)}
      onToggle={() => calls.toggled++}
      onDismiss={() => calls.dismissed++}
      {...props}
    />,
    app,
  );
  const button = (name: string) => [...app.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name);
  return { app, calls, button };
}

beforeEach(() => {
  document.body.innerHTML = '<div id="app"></div>';
});

describe('the customer chair card', () => {
  it('shows the story title, customer, quote and question as plain text', () => {
    const { app } = show();
    expect(app.querySelector('.story-title')!.textContent).toBe(story.title);
    expect(app.querySelector('img')).toBeNull();
    expect(app.querySelector('.customer')!.textContent).toBe('St. Aldric Hospital');
    expect(app.querySelector('.quote')!.textContent).toBe(story.quote);
    expect(app.querySelector('.question-text')!.textContent).toBe(question.text);
  });

  it('inserts the story, the question and the agenda block, and says where the text went', async () => {
    const { app, calls, button } = show();
    button('Insert story')!.click();
    button('Insert question')!.click();
    button('Insert agenda block')!.click();
    await tick();
    expect(calls.inserted).toEqual(['story', 'question', 'agenda']);
    expect(app.querySelector('[role="status"]')!.textContent).toBe('Added to the chat (In-call messages). Press Enter there to send it.');
  });

  it('says so when the target vanished before the click', async () => {
    const { app, button } = show({ onInsert: async () => 'no-field' });
    button('Insert question')!.click();
    await tick();
    expect(app.querySelector('[role="status"]')!.textContent).toBe('Could not insert: the chat (In-call messages) is not open.');
  });

  it('says the text was copied, and how to paste it, when the field would not take it', async () => {
    const { app, button } = show({ onInsert: async () => 'copied' });
    button('Insert question')!.click();
    await tick();
    expect(app.querySelector('[role="status"]')!.textContent).toBe(
      'Copied: press Ctrl+V in the chat (In-call messages) to paste it. It would not take the text directly.',
    );
  });

  it('offers Copy instead of Insert when the chat is closed', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { app, calls, button } = show({ hasTarget: false });
    expect(app.textContent).toContain('Open the chat (In-call messages) to insert here');
    expect(button('Insert story')).toBeUndefined();
    button('Copy agenda block')!.click();
    await tick();
    expect(writeText).toHaveBeenCalledWith('text of agenda');
    expect(calls.copied).toEqual(['agenda']);
  });

  it('collapses to its title bar, and can be hidden for the meeting', () => {
    const { app, calls, button } = show({ collapsed: true });
    expect(app.querySelector('.question-text')).toBeNull();
    expect(button('Customer chair▸')!.getAttribute('aria-expanded')).toBe('false');
    button('Customer chair▸')!.click();
    button('Hide for this meeting')!.click();
    expect(calls).toMatchObject({ toggled: 1, dismissed: 1 });
  });

  it('without a story, offers only the question', () => {
    const { button } = show({ story: undefined });
    expect(button('Insert question')).toBeDefined();
    expect(button('Insert story')).toBeUndefined();
    expect(button('Insert agenda block')).toBeUndefined();
  });

  it('marks a recognized story above its title, as plain text; an ordinary story has no mark', () => {
    expect(show().app.querySelector('.recognition')).toBeNull();
    const mark = { roundName: '2027 Q1', categoryName: '<b>Faster</b> for the customer', teamName: 'Line 4 maintenance crew' };
    const { app } = show({ story: { ...story, recognition: mark } });
    const shown = app.querySelector('.story .recognition')!;
    expect(shown.textContent).toBe('★ Recognized: <b>Faster</b> for the customer, 2027 Q1 — Line 4 maintenance crew');
    expect(shown.querySelector('b')).toBeNull();
    expect(shown.querySelector('[aria-hidden="true"]')!.textContent).toBe('★ ');
    expect(shown.nextElementSibling!.className).toBe('story-title');
  });
});
