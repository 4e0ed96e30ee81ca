import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../../server/src/auth/tokens';
import { sql } from '../../../server/src/storage/sql';
import { LIMITS } from '../../../shared/src/schemas/limits';
import { VoiceReceiptSchema, VoiceStatusSchema } from '../../../shared/src/schemas/voice';
import { json, send } from '../../support/admin-api';
import { makeTestApp } from '../../support/test-app';
import { activeInstalls, getVoiceStatus, sendVoice, sentVoice, voiceDraft } from '../../support/voice-api';

describe('POST /api/v1/voice', () => {
  it('stores the message with its department and that department’s size, and answers an id and a receipt it keeps only a hash of', async () => {
    const t = await makeTestApp();
    await activeInstalls(t, 'support', 6);
    // Active 27 days ago counts (the 28 days end today); 28 days ago does not.
    await activeInstalls(t, 'support', 2, '2026-10-27T12:00:00Z');
    await activeInstalls(t, 'support', 3, '2026-10-26T12:00:00Z');
    await activeInstalls(t, 'sales', 4);
    const draft = voiceDraft({ text: '  A customer said the <b>login</b> page\r\ntimes out.  ' });
    const response = await sendVoice(t, draft);
    expect(response.status).toBe(201);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const { messageId, receipt } = VoiceReceiptSchema.parse(await response.json());
    expect(messageId).toMatch(/^v-[a-z2-7]{12}$/);
    expect(Buffer.from(receipt, 'base64url')).toHaveLength(32);
    const rows = await t.storage.all<Record<string, unknown>>(sql`SELECT * FROM voice_messages`);
    expect(rows).toEqual([
      {
        id: messageId,
        kind: 'customer_said',
        text: 'A customer said the <b>login</b> page\ntimes out.',
        department: 'support',
        department_installs: 8,
        receipt_hash: hashToken(receipt),
        submitted_at: '2026-11-23T10:00:00.000Z',
        day: '2026-11-23',
        status: 'new',
        reason: null,
        reply_said: null,
        reply_did: null,
        reply_from: null,
        reply_until: null,
        shared_said: null,
        shared_from: null,
        shared_until: null,
        story_id: null,
        revision: 1,
        updated_at: '2026-11-23T10:00:00.000Z',
      },
    ]);
    // The sender key is kept only hashed with the day, and nowhere with the message.
    const quota = await t.storage.all<{ key: string; day: string; count: number }>(sql`SELECT key, day, count FROM voice_quota`);
    expect(quota).toEqual([{ key: createHash('sha256').update(`2026-11-23${draft.senderKey}`).digest('hex'), day: '2026-11-23', count: 1 }]);
    const everything = JSON.stringify([rows, quota]);
    expect(everything).not.toContain(draft.senderKey);
    expect(everything).not.toContain(receipt);
  });

  it('takes each kind, from any department of the company, however small', async () => {
    const t = await makeTestApp();
    for (const kind of ['customer_said', 'idea', 'lesson'] as const) await sentVoice(t, { kind, department: 'legal' });
    const rows = await t.storage.all<{ kind: string; department_installs: number }>(sql`SELECT kind, department_installs FROM voice_messages ORDER BY kind`);
    expect(rows.map((r) => [r.kind, Number(r.department_installs)])).toEqual([['customer_said', 0], ['idea', 0], ['lesson', 0]]);
  });

  it(`takes ${LIMITS.voicePerInstallPerDay} messages a company-local day from one sender key, then again from midnight; other keys are not counted`, async () => {
    const t = await makeTestApp({ now: '2026-11-23T21:00:00Z', config: { timezone: 'Europe/Paris' } });
    const senderKey = voiceDraft().senderKey;
    for (let i = 0; i < LIMITS.voicePerInstallPerDay; i++) await sentVoice(t, { senderKey: i === 2 ? senderKey.toUpperCase() : senderKey });
    const refused = await sendVoice(t, voiceDraft({ senderKey }));
    expect(refused.status).toBe(429);
    // 21:00Z is 22:00 in Paris: two hours to midnight.
    expect(refused.headers.get('Retry-After')).toBe(String(2 * 3600));
    await sentVoice(t);
    // 23:00Z is midnight in Paris: a new day, a new key; yesterday's keys are forgotten when the next message comes.
    t.clock.set('2026-11-23T23:00:00Z');
    await sentVoice(t, { senderKey });
    const quota = await t.storage.all<{ day: string; count: number }>(sql`SELECT day, count FROM voice_quota`);
    expect(quota.map((q) => [q.day, Number(q.count)])).toEqual([['2026-11-24', 1]]);
    const days = await t.storage.all<{ day: string; n: number }>(sql`SELECT day, COUNT(*) AS n FROM voice_messages GROUP BY day ORDER BY day`);
    expect(days.map((d) => [d.day, Number(d.n)])).toEqual([['2026-11-23', LIMITS.voicePerInstallPerDay + 1], ['2026-11-24', 1]]);
  });

  it('is behind the enrollment key when the company sets one, and answers extension origins', async () => {
    const t = await makeTestApp({ config: { enrollmentKey: 'company-enrollment-key', extensionIds: ['abcdefghijklmnop'] } });
    expect((await sendVoice(t, voiceDraft())).status).toBe(401);
    const ok = await sendVoice(t, voiceDraft(), { Authorization: 'Bearer company-enrollment-key', Origin: 'chrome-extension://abcdefghijklmnop' });
    expect(ok.status).toBe(201);
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe('chrome-extension://abcdefghijklmnop');
    const { messageId, receipt } = await json(ok);
    expect((await getVoiceStatus(t, messageId, receipt)).status).toBe(401);
    expect((await getVoiceStatus(t, messageId, receipt, { Authorization: 'Bearer company-enrollment-key' })).status).toBe(200);
  });
});

describe('GET /api/v1/voice/:id', () => {
  it('answers the status to the receipt: new, then the CX team’s answer, the reply, the shared lesson, the story', async () => {
    const t = await makeTestApp();
    const { messageId, receipt } = await sentVoice(t);
    const first = await getVoiceStatus(t, messageId, receipt);
    expect(first.status).toBe(200);
    expect(first.headers.get('Cache-Control')).toBe('no-store');
    expect(VoiceStatusSchema.parse(await first.json())).toEqual({
      messageId,
      kind: 'customer_said',
      status: 'new',
      submittedAt: '2026-11-23T10:00:00.000Z',
      reason: null,
      reply: null,
      shared: null,
      becameStory: false,
    });

    const answered = await send(t, 'PUT', `/voice/${messageId}`, { revision: 1, status: 'adopted', reply: { said: 'Invoices came after month-end.', did: 'We send them on the 25th now.', days: 7 } });
    expect(answered.status).toBe(200);
    expect((await send(t, 'POST', `/voice/${messageId}/story`, { revision: 2 })).status).toBe(201);
    expect(await json(getVoiceStatus(t, messageId, receipt))).toMatchObject({
      status: 'adopted',
      reply: { said: 'Invoices came after month-end.', did: 'We send them on the 25th now.', from: '2026-11-23', until: '2026-11-29' },
      becameStory: true,
    });

    const lesson = await sentVoice(t, { kind: 'lesson' });
    expect((await send(t, 'PUT', `/voice/${lesson.messageId}`, { revision: 1, status: 'not_adopted', reason: 'We tried it in 2024.' })).status).toBe(200);
    expect((await send(t, 'POST', `/voice/${lesson.messageId}/share`, { revision: 2, said: 'Auto-closing tickets angered customers.', days: 3 })).status).toBe(200);
    expect(await json(getVoiceStatus(t, lesson.messageId, lesson.receipt))).toMatchObject({
      kind: 'lesson',
      status: 'not_adopted',
      reason: 'We tried it in 2024.',
      shared: { from: '2026-11-23', until: '2026-11-25' },
      becameStory: false,
    });
  });

  it('answers an unknown id, a wrong receipt, another message’s receipt and no receipt alike: 404, the same words', async () => {
    const t = await makeTestApp();
    const mine = await sentVoice(t);
    const other = await sentVoice(t);
    const answers = [
      await getVoiceStatus(t, 'v-aaaaaaaaaaaa', mine.receipt),
      await getVoiceStatus(t, mine.messageId, 'x'.repeat(43)),
      await getVoiceStatus(t, mine.messageId, other.receipt),
      await getVoiceStatus(t, mine.messageId, undefined),
      await getVoiceStatus(t, mine.messageId, ''),
      await getVoiceStatus(t, 'v-aaaaaaaaaaaa', undefined),
    ];
    const bodies = await Promise.all(answers.map((a) => a.text()));
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]!).error.code).toBe('not_found');
  });
});
