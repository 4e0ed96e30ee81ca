import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mountVoicePage } from '../../../../extension/components/voice/voice-page';
import { demoBundle } from '../../../../extension/lib/demo-bundle';
import { cachedBundle, installId, userSettings } from '../../../../extension/lib/storage';
import { keptVoice, voiceSenderKey } from '../../../../extension/lib/voice-storage';
import { LIMITS } from '../../../../shared/src/schemas/limits';
import { VOICE_KIND_LABELS } from '../../../../shared/src/schemas/voice';
import { fakeVoiceServer } from '../../support/fake-voice-server';

const INSTALL_ID = '0b6f5a3c-2f4e-4d8a-9c1b-7e2d3f4a5b6c';
const NOW = new Date('2026-12-02T10:00:00Z');
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const settle = async () => {
  for (let i = 0; i < 10; i++) await tick();
};
const app = () => document.getElementById('app')!;
const $ = <T extends Element = HTMLElement>(selector: string) => {
  const found = app().querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};
const text = () => app().textContent ?? '';
function type(value: string) {
  const field = $<HTMLTextAreaElement>('#voice-text');
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}
const choose = (kind: string) => $<HTMLInputElement>(`input[name="voice-kind"][value="${kind}"]`).click();
const send = async () => {
  // Let the choices render first, as they do between a person's clicks.
  await settle();
  $<HTMLFormElement>('form.voice-form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  await settle();
};
const statuses = () => [...app().querySelectorAll('[data-testid="voice-status"]')].map((b) => b.textContent);

let server: ReturnType<typeof fakeVoiceServer>;
const mount = async () => {
  render(null, app());
  await mountVoicePage(app(), { fetch: server.fetch, now: () => NOW, timeoutMs: 200 });
  await settle();
};

beforeEach(async () => {
  fakeBrowser.reset();
  server = fakeVoiceServer();
  document.body.innerHTML = '<main id="app"></main>';
  await cachedBundle.setValue({ bundle: { ...demoBundle(), timezone: 'UTC' }, source: 'server' });
  await userSettings.setValue({ serverUrl: 'http://127.0.0.1:8787', enrollmentKey: 'company-key', department: 'manufacturing', role: 'manufacturing', usageStatistics: true });
  await installId.setValue(INSTALL_ID);
});
afterEach(() => render(null, app()));

describe('the voice page', () => {
  it('offers the three kinds, the bounded text with the warning, and says the department is all that is sent with it', async () => {
    await mount();
    const kinds = [...app().querySelectorAll<HTMLInputElement>('input[name="voice-kind"]')];
    expect(kinds.map((k) => k.parentElement!.textContent)).toEqual(Object.values(VOICE_KIND_LABELS));
    expect(kinds.some((k) => k.checked)).toBe(false);
    expect($('fieldset legend').textContent).toBe('What is it about?');
    expect($('label[for="voice-text"]').textContent).toBe('What you want to tell the CX team');
    expect($<HTMLTextAreaElement>('#voice-text').maxLength).toBe(LIMITS.voiceText);
    expect($('#voice-text-warning').textContent).toBe('Do not name colleagues, and leave out customers’ private details (names, e-mails, account or order numbers, health or payment data).');
    expect($('#voice-text').getAttribute('aria-describedby')).toContain('voice-text-warning');
    expect($('#voice-text-left').textContent).toBe('1,000 characters left');
    type('Fifteen chars..');
    await settle();
    expect($('#voice-text-left').textContent).toBe('985 characters left');
    expect($('.sent-with').textContent).toBe('Sent with your department: Manufacturing — nothing else about you');
    expect(app().querySelector('#my-voice-title')).toBeNull();
    expect(server.requests).toHaveLength(0);
  });

  it('says what is missing next to the field, and sends nothing', async () => {
    await mount();
    type('   ');
    await send();
    expect($('#voice-kind-error').textContent).toBe('Choose what your message is about.');
    expect($('#voice-text-error').textContent).toBe('Write your message first.');
    expect($('#voice-text').getAttribute('aria-invalid')).toBe('true');
    choose('idea');
    type('Something');
    await settle();
    expect(app().querySelector('#voice-kind-error')).toBeNull();
    expect(app().querySelector('#voice-text-error')).toBeNull();
    expect(server.requests).toHaveLength(0);
  });

  it('sends kind, text, department and a random sender key (never the install id), keeps the receipt and shows the status', async () => {
    await mount();
    choose('customer_said');
    type('  The pallet labels are still hard to read in the cold store.  ');
    await send();
    expect(server.requests[0]).toMatchObject({ method: 'POST', url: 'http://127.0.0.1:8787/api/v1/voice', headers: { authorization: 'Bearer company-key' } });
    const body = server.requests[0]!.body as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(['department', 'kind', 'senderKey', 'text']);
    expect(body).toMatchObject({ kind: 'customer_said', department: 'manufacturing', text: 'The pallet labels are still hard to read in the cold store.' });
    expect(body.senderKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(body.senderKey).not.toBe(INSTALL_ID);
    expect(await voiceSenderKey.getValue()).toBe(body.senderKey);
    expect(JSON.stringify(server.requests)).not.toContain(INSTALL_ID);

    expect(text()).toContain('Sent. Your receipt is kept in this browser');
    const [kept] = await keptVoice.getValue();
    expect(kept).toEqual({
      messageId: 'v-aaaaaaaaaaa1',
      receipt: server.messages.get('v-aaaaaaaaaaa1')!.receipt,
      kind: 'customer_said',
      excerpt: 'The pallet labels are still hard to read in the cold store.',
      sentAt: NOW.toISOString(),
    });
    expect($<HTMLTextAreaElement>('#voice-text').value).toBe('');
    expect($('#my-voice-title').textContent).toBe('Your messages');
    expect(statuses()).toEqual(['New']);
    expect(server.requests[1]).toMatchObject({ method: 'GET', url: 'http://127.0.0.1:8787/api/v1/voice/v-aaaaaaaaaaa1', headers: { 'x-voice-receipt': kept!.receipt } });

    // The same key for the next message: the daily limit counts this browser.
    choose('idea');
    type('Print the label on both sides.');
    await send();
    expect((server.requests.find((r, i) => i > 1 && r.method === 'POST')!.body as Record<string, string>).senderKey).toBe(body.senderKey);
    expect((await keptVoice.getValue()).map((k) => k.kind)).toEqual(['idea', 'customer_said']);
  });

  it('shows each kept message’s status on opening: the reason when not adopted, the public reply when there is one', async () => {
    const draft = (kind: 'customer_said' | 'idea' | 'lesson', text: string) => ({ senderKey: crypto.randomUUID(), kind, department: 'manufacturing', text });
    const adopted = server.seed(draft('customer_said', 'Labels are hard to read in the cold store.'), {
      status: 'adopted',
      reply: { said: 'Labels are hard to read in the cold store.', did: 'We print them on frost-proof stock since November.', from: '2026-12-01', until: '2026-12-14' },
    });
    const declined = server.seed(draft('idea', 'Free shipping for everyone.'), { status: 'not_adopted', reason: 'It would double prices for small customers.' });
    const lesson = server.seed(draft('lesson', 'A survey of 40 questions got 2 answers.'), { status: 'under_review', shared: { from: '2026-12-02', until: '2026-12-09' } });
    await keptVoice.setValue([
      { ...lesson, kind: 'lesson', excerpt: 'A survey of 40 questions got 2 answers.', sentAt: '2026-12-01T09:00:00.000Z' },
      { ...declined, kind: 'idea', excerpt: 'Free shipping for everyone.', sentAt: '2026-11-20T09:00:00.000Z' },
      { ...adopted, kind: 'customer_said', excerpt: 'Labels are hard to read in the cold store.', sentAt: '2026-11-10T09:00:00.000Z' },
    ]);
    await mount();
    expect(statuses()).toEqual(['Under review', 'Not adopted', 'Adopted']);
    const items = [...app().querySelectorAll('.kept-voice')];
    expect(items[0]!.textContent).toContain('Shared with every department as a lesson, from 2026-12-02 to 2026-12-09.');
    expect(items[1]!.querySelector('.reason')!.textContent).toBe('Why: It would double prices for small customers.');
    expect(items[2]!.querySelector('.reply')!.textContent).toContain('We did: We print them on frost-proof stock since November.');
    expect(items[2]!.querySelector('.excerpt')!.textContent).toBe('Labels are hard to read in the cold store.');
  });

  it('says so when offline (the text stays), gives the server’s words for 429, and a 400 next to the field', async () => {
    await mount();
    choose('idea');
    type('Print the label on both sides.');
    server.setOffline(true);
    await send();
    expect($('.outcome').textContent).toMatch(/Cannot reach the server at http:\/\/127\.0\.0\.1:8787.*Your message is still here/);
    expect($<HTMLTextAreaElement>('#voice-text').value).toBe('Print the label on both sides.');
    expect(await keptVoice.getValue()).toEqual([]);
    server.setOffline(false);

    for (let i = 0; i < LIMITS.voicePerInstallPerDay; i++) {
      choose('idea');
      type(`Idea number ${i}`);
      await send();
    }
    choose('idea');
    type('One more idea');
    await send();
    expect($('.outcome').textContent).toBe(`This browser has sent ${LIMITS.voicePerInstallPerDay} messages today, the most one browser may send in a day. Try again tomorrow.`);
    expect($('.outcome').className).toContain('error');
    expect($<HTMLTextAreaElement>('#voice-text').value).toBe('One more idea');

    // The server's own refusal of a field goes next to the field it names.
    const refusing = { ...server, fetch: (async () => new Response(JSON.stringify({ error: { code: 'invalid_request', message: 'text: must be at most 1000 characters', issues: [{ path: 'text', message: 'must be at most 1000 characters' }] } }), { status: 400 })) as typeof fetch };
    render(null, app());
    await mountVoicePage(app(), { fetch: refusing.fetch, now: () => NOW, timeoutMs: 200 });
    await settle();
    choose('lesson');
    type('A lesson');
    await send();
    expect($('#voice-text-error').textContent).toBe('Your message must be at most 1000 characters.');
    expect($('.outcome').textContent).toBe('text: must be at most 1000 characters');
  });

  it('asks for a department first: it is the only thing sent with a message', async () => {
    await userSettings.setValue({ serverUrl: 'http://127.0.0.1:8787', enrollmentKey: 'company-key', usageStatistics: true });
    await mount();
    expect($('.sent-with').textContent).toContain('Choose your department first');
    choose('idea');
    type('An idea');
    await send();
    expect(server.requests).toHaveLength(0);
  });
});
