import { describe, expect, it } from 'vitest';
import { sql } from '../../../server/src/storage/sql';
import { LIMITS } from '../../../shared/src/schemas/limits';
import { json, snapshot } from '../../support/admin-api';
import { makeTestApp } from '../../support/test-app';
import { sendVoice, sentVoice, voiceDraft } from '../../support/voice-api';

type Refusal = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };

/** Sends `draft`, expects `status`, and that nothing at all was stored (not even a count against the daily limit). */
async function refused(t: Awaited<ReturnType<typeof makeTestApp>>, draft: unknown, status: number, headers: Record<string, string> = {}): Promise<Refusal['error']> {
  const before = await snapshot(t);
  const response = await sendVoice(t, draft, headers);
  expect(response.status, await response.clone().text()).toBe(status);
  expect(response.headers.get('Cache-Control')).toBe('no-store');
  expect(await snapshot(t)).toBe(before);
  return (await json<Refusal>(response)).error;
}

describe('POST /api/v1/voice refuses, naming the field, and stores nothing', () => {
  it('a body that is not JSON, or larger than a message can be (413)', async () => {
    const t = await makeTestApp();
    expect((await refused(t, JSON.stringify(voiceDraft()), 415, { 'Content-Type': 'text/plain' })).code).toBe('unsupported_media_type');
    expect((await refused(t, '{"kind":', 400)).code).toBe('invalid_json');
    const tooLarge = await refused(t, JSON.stringify(voiceDraft({ text: 'x'.repeat(LIMITS.voiceBodyBytes) })), 413);
    expect(tooLarge.code).toBe('payload_too_large');
    expect(tooLarge.message).toContain(`at most ${LIMITS.voiceText} characters`);
  });

  it('an empty or blank text: "must not be empty"', async () => {
    const t = await makeTestApp();
    for (const text of ['', '   ', '\r\n\t']) {
      const error = await refused(t, voiceDraft({ text }), 400);
      expect(error.issues).toEqual([{ path: 'text', message: 'must not be empty' }]);
      expect(error.message).toBe('Nothing was saved: text: must not be empty.');
    }
    const { text: _text, ...noText } = voiceDraft();
    expect((await refused(t, noText, 400)).issues?.map((i) => i.path)).toEqual(['text']);
  });

  it(`a text over ${LIMITS.voiceText} characters (a body within the byte limit)`, async () => {
    const t = await makeTestApp();
    const error = await refused(t, voiceDraft({ text: 'a'.repeat(LIMITS.voiceText + 1) }), 400);
    expect(error.issues).toEqual([{ path: 'text', message: `must be at most ${LIMITS.voiceText} characters` }]);
    // Exactly the limit is taken.
    await sentVoice(t, { text: 'a'.repeat(LIMITS.voiceText) });
  });

  it('a department the company does not have, or no department id at all', async () => {
    const t = await makeTestApp();
    const error = await refused(t, voiceDraft({ department: 'astrology' }), 400);
    expect(error.issues).toEqual([{ path: 'department', message: 'is not a department of the company ("astrology")' }]);
    expect((await refused(t, voiceDraft({ department: 'Customer Support' }), 400)).issues?.map((i) => i.path)).toEqual(['department']);
  });

  it('an unknown kind, a sender key that is not a UUID, and any field the form does not have', async () => {
    const t = await makeTestApp();
    expect((await refused(t, { ...voiceDraft(), kind: 'complaint' }, 400)).issues?.map((i) => i.path)).toEqual(['kind']);
    expect((await refused(t, voiceDraft({ senderKey: 'my-install' }), 400)).issues?.map((i) => i.path)).toEqual(['senderKey']);
    // Nothing that could name the sender: an install id, a name, an email.
    for (const extra of [{ installId: '0190a0b0-0000-7000-8000-000000000000' }, { name: 'Ana Lopez' }, { email: 'ana@example.com' }]) {
      const error = await refused(t, { ...voiceDraft(), ...extra }, 400);
      expect(error.message).toContain(Object.keys(extra)[0]);
    }
  });

  it(`the ${LIMITS.voicePerInstallPerDay + 1}th message of a day from one browser (429 until the company's midnight, said clearly)`, async () => {
    const t = await makeTestApp({ now: '2026-11-23T10:00:00Z' });
    const senderKey = voiceDraft().senderKey;
    for (let i = 0; i < LIMITS.voicePerInstallPerDay; i++) await sentVoice(t, { senderKey });
    const before = await snapshot(t);
    const response = await sendVoice(t, voiceDraft({ senderKey }));
    expect(response.status).toBe(429);
    expect(response.headers.get('Retry-After')).toBe(String(14 * 3600));
    const error = (await json<Refusal>(response)).error;
    expect(error.code).toBe('rate_limited');
    expect(error.message).toContain(`sent ${LIMITS.voicePerInstallPerDay} messages today`);
    expect(error.message).toContain('nothing was saved');
    expect(await snapshot(t)).toBe(before);
    // A refused message is not counted either: the count stays at the limit.
    const [row] = await t.storage.all<{ count: number }>(sql`SELECT count FROM voice_quota`);
    expect(Number(row!.count)).toBe(LIMITS.voicePerInstallPerDay);
  });

  it('takes exactly the daily limit from one browser sending many at once, on every engine', async () => {
    const t = await makeTestApp();
    const senderKey = voiceDraft().senderKey;
    const answers = await Promise.all(Array.from({ length: 12 }, () => sendVoice(t, voiceDraft({ senderKey }))));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(LIMITS.voicePerInstallPerDay);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - LIMITS.voicePerInstallPerDay);
    const stored = await t.storage.one<{ n: number }>(sql`SELECT COUNT(*) AS n FROM voice_messages`);
    expect(Number(stored!.n)).toBe(LIMITS.voicePerInstallPerDay);
  });

  it('GET of a status never writes', async () => {
    const t = await makeTestApp();
    const { messageId, receipt } = await sentVoice(t);
    const before = await snapshot(t);
    expect((await t.app.request(`/api/v1/voice/${messageId}`, { headers: { 'X-Voice-Receipt': receipt } })).status).toBe(200);
    expect((await t.app.request(`/api/v1/voice/${messageId}`)).status).toBe(404);
    expect(await snapshot(t)).toBe(before);
  });

  it('a method the path does not have (405)', async () => {
    const t = await makeTestApp();
    const before = await snapshot(t);
    expect((await t.app.request('/api/v1/voice', { method: 'GET' })).status).toBe(405);
    expect((await t.app.request('/api/v1/voice/v-aaaaaaaaaaaa', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(405);
    expect(await snapshot(t)).toBe(before);
  });
});
