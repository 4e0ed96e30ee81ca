import { describe, expect, it } from 'vitest';
import { sql } from '../../../../server/src/storage/sql';
import { LIMITS } from '../../../../shared/src/schemas/limits';
import { VoiceInboxSchema, VoiceMessageRecordSchema, VoiceStoryResultSchema, type VoiceInbox } from '../../../../shared/src/schemas/voice';
import { auditLog, contentTag, json, send, snapshot, type TestApp } from '../../../support/admin-api';
import { makeTestApp } from '../../../support/test-app';
import { activeInstalls, sentVoice } from '../../../support/voice-api';

type Refusal = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };

async function inbox(t: TestApp, query = ''): Promise<VoiceInbox> {
  const response = await send(t, 'GET', `/voice${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return VoiceInboxSchema.parse(await response.json());
}

/** Expects `status` and that nothing at all changed. */
async function refused(t: TestApp, method: string, path: string, body: unknown, status: number): Promise<Refusal['error']> {
  const before = await snapshot(t);
  const response = await send(t, method, path, body);
  expect(response.status, await response.clone().text()).toBe(status);
  expect(await snapshot(t)).toBe(before);
  return (await json<Refusal>(response)).error;
}

/**
 * k = 5. Customer Support has 6 active installs (k+1), Sales 5 (k), Legal 4
 * (k-1); Finance had 2 when its message came and has 7 now. Messages, oldest
 * first: support (customer_said), sales (idea), legal (lesson), finance (idea).
 */
async function seeded() {
  const t = await makeTestApp();
  await activeInstalls(t, 'support', 6);
  await activeInstalls(t, 'sales', 5);
  await activeInstalls(t, 'legal', 4);
  await activeInstalls(t, 'finance', 2);
  const at = (minute: number) => t.clock.set(`2026-11-23T10:0${minute}:00Z`);
  at(1);
  const support = await sentVoice(t, { department: 'support', kind: 'customer_said', text: 'The customer said the invoice dates confuse them.' });
  at(2);
  const sales = await sentVoice(t, { department: 'sales', kind: 'idea', text: 'Send a welcome call after the first order.' });
  at(3);
  const legal = await sentVoice(t, { department: 'legal', kind: 'lesson', text: 'Auto-renewal notices by post went unread.' });
  at(4);
  const finance = await sentVoice(t, { department: 'finance', kind: 'idea', text: 'Offer paying by bank transfer.' });
  await activeInstalls(t, 'finance', 5);
  at(5);
  return { t, support: support.messageId, sales: sales.messageId, legal: legal.messageId, finance: finance.messageId };
}

describe('GET /api/v1/admin/voice', () => {
  it('lists messages newest first; a department with fewer than k installs, then or now, is "a small department" and named nowhere', async () => {
    const { t, support, sales, legal, finance } = await seeded();
    const answer = await inbox(t);
    expect(answer.messages.map((m) => m.id)).toEqual([finance, legal, sales, support]);
    expect(answer.messages.map((m) => m.department)).toEqual([null, null, { id: 'sales', name: 'Sales' }, { id: 'support', name: 'Customer Support' }]);
    expect(answer.messages[3]).toEqual({
      id: support,
      kind: 'customer_said',
      text: 'The customer said the invoice dates confuse them.',
      department: { id: 'support', name: 'Customer Support' },
      status: 'new',
      reason: null,
      reply: null,
      shared: null,
      storyId: null,
      submittedAt: '2026-11-23T10:01:00.000Z',
      updatedAt: '2026-11-23T10:01:00.000Z',
      revision: 1,
    });
    expect(answer).toMatchObject({ matching: 4, byStatus: { new: 4, under_review: 0, adopted: 0, not_adopted: 0 }, minGroupSize: 5 });
    // Large now, by name: Finance has 7 now (its message stays masked), Legal (4) is not offered.
    expect(answer.departments).toEqual([
      { id: 'support', name: 'Customer Support' },
      { id: 'finance', name: 'Finance' },
      { id: 'sales', name: 'Sales' },
    ]);
    const text = JSON.stringify(answer);
    expect(text).not.toMatch(/legal/i);
    // Nothing of the sender's receipt either.
    expect(text).not.toMatch(/receipt|hash/i);
  });

  it('filters by kind, status and department; "small" lists the masked ones; a large department never lists its masked message', async () => {
    const { t, support, sales, legal, finance } = await seeded();
    expect((await inbox(t, '?kind=idea')).messages.map((m) => m.id)).toEqual([finance, sales]);
    expect((await inbox(t, '?department=support')).messages.map((m) => m.id)).toEqual([support]);
    expect((await inbox(t, '?department=small')).messages.map((m) => m.id)).toEqual([finance, legal]);
    // Finance is large now, but its message came when it was small: it stays among the small ones.
    expect(await inbox(t, '?department=finance')).toMatchObject({ messages: [], matching: 0 });
    expect((await inbox(t, '?kind=idea&department=small')).messages.map((m) => m.id)).toEqual([finance]);
    expect((await send(t, 'PUT', `/voice/${sales}`, { revision: 1, status: 'under_review' })).status).toBe(200);
    const reviewing = await inbox(t, '?status=under_review');
    expect(reviewing.messages.map((m) => m.id)).toEqual([sales]);
    expect(reviewing).toMatchObject({ matching: 1, byStatus: { new: 3, under_review: 1, adopted: 0, not_adopted: 0 } });
    // byStatus keeps the kind and department filters: the inbox's tabs.
    expect(await inbox(t, '?kind=idea&status=new')).toMatchObject({ matching: 1, byStatus: { new: 1, under_review: 1, adopted: 0, not_adopted: 0 } });
  });

  it('refuses a small department as a filter exactly as a department that does not exist (400 naming department)', async () => {
    const { t } = await seeded();
    const small = await send(t, 'GET', '/voice?department=legal');
    const none = await send(t, 'GET', '/voice?department=astrology');
    const empty = await send(t, 'GET', '/voice?department=it');
    expect([small.status, none.status, empty.status]).toEqual([400, 400, 400]);
    const [a, b, c] = await Promise.all([small, none, empty].map((r) => json<Refusal>(r)));
    expect(a!.error.issues).toEqual([{ path: 'department', message: 'is not a department the inbox may filter by (one with at least 5 active installs over the last 28 days)' }]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('refuses unknown filters and values, naming them', async () => {
    const t = await makeTestApp();
    for (const [query, path] of [['?kind=complaint', 'kind'], ['?status=done', 'status'], ['?department=Customer%20Support', 'department'], ['?sort=oldest', '']] as const) {
      const response = await send(t, 'GET', `/voice${query}`);
      expect(response.status, query).toBe(400);
      const issues = (await json<Refusal>(response)).error.issues!;
      if (path) expect(issues.map((i) => i.path)).toEqual([path]);
      else expect(issues[0]!.message).toContain('sort');
    }
  });

  it('masks a department that has become small since (installs older than 28 days no longer count)', async () => {
    const { t, support } = await seeded();
    // 28 days later none of the installs above is active in the last 28 days; support gets 4 (k-1) new ones.
    t.clock.set('2026-12-21T10:00:00Z');
    await activeInstalls(t, 'support', 4);
    const answer = await inbox(t);
    expect(answer.messages.find((m) => m.id === support)!.department).toBeNull();
    expect(answer.departments).toEqual([]);
    expect(JSON.stringify(answer)).not.toMatch(/support"|Customer Support/);
    await activeInstalls(t, 'support', 1);
    expect((await inbox(t)).messages.find((m) => m.id === support)!.department).toEqual({ id: 'support', name: 'Customer Support' });
  });

  it(`lists at most ${LIMITS.voiceInboxPage}, the newest, and says how many match`, async () => {
    const t = await makeTestApp();
    const rows = Array.from({ length: LIMITS.voiceInboxPage + 3 }, (_, i) => i);
    for (const i of rows) {
      const at = new Date(Date.parse('2026-11-20T00:00:00Z') + i * 60_000).toISOString();
      await t.storage.run(
        sql`INSERT INTO voice_messages (id, kind, text, department, department_installs, receipt_hash, submitted_at, day, updated_at)
            VALUES (${`v-${String(i).padStart(12, '0')}`}, 'idea', 'An idea.', 'support', 0, 'x', ${at}, '2026-11-20', ${at})`,
      );
    }
    const answer = await inbox(t);
    expect(answer.messages).toHaveLength(LIMITS.voiceInboxPage);
    expect(answer.messages[0]!.id).toBe(`v-${String(LIMITS.voiceInboxPage + 2).padStart(12, '0')}`);
    expect(answer.matching).toBe(LIMITS.voiceInboxPage + 3);
  });
});

describe('PUT /api/v1/admin/voice/:id', () => {
  it('sets the status and why; a status alone is audited without a new content version', async () => {
    const { t, sales } = await seeded();
    const before = await contentTag(t);
    const response = await send(t, 'PUT', `/voice/${sales}`, { revision: 1, status: 'not_adopted', reason: '  We call every new customer already.  ' });
    expect(response.status).toBe(200);
    expect(VoiceMessageRecordSchema.parse(await response.json())).toMatchObject({ id: sales, status: 'not_adopted', reason: 'We call every new customer already.', revision: 2, updatedAt: '2026-11-23T10:05:00.000Z' });
    expect(await contentTag(t)).toEqual(before);
    expect((await auditLog(t))[0]).toMatchObject({ label: 'ADMIN_TOKEN (environment)', action: 'answered', entity: 'voice', entityId: sales, summary: 'status new → not_adopted; reason given' });
    // Saving the same again changes nothing: no new revision, no audit line.
    const same = await send(t, 'PUT', `/voice/${sales}`, { revision: 2, status: 'not_adopted', reason: 'We call every new customer already.' });
    expect((await json(same)).revision).toBe(2);
    expect((await auditLog(t)).filter((e) => e.entity === 'voice')).toHaveLength(1);
  });

  it('puts up a public reply from today for `days` days, keeps it when omitted, takes it down with null: each a new content version', async () => {
    const { t, support } = await seeded();
    const v0 = await contentTag(t);
    const reply = { said: 'Our invoice dates confused you.', did: 'Invoices now show the due date first.', days: 7 };
    const adopted = await json(send(t, 'PUT', `/voice/${support}`, { revision: 1, status: 'adopted', reply }));
    expect(adopted).toMatchObject({ status: 'adopted', reply: { said: reply.said, did: reply.did, from: '2026-11-23', until: '2026-11-29' }, revision: 2 });
    const v1 = await contentTag(t);
    expect(v1.version).toBe(v0.version + 1);
    expect(v1.etag).not.toBe(v0.etag);
    const bundle = await json(t.app.request('/api/v1/content'));
    expect(bundle.voiceCards).toEqual([{ id: `reply-${support}`, kind: 'reply', said: reply.said, did: reply.did, messageKind: 'customer_said', from: '2026-11-23', until: '2026-11-29' }]);
    // The audit names what changed and when it shows, never the words.
    const line = (await auditLog(t))[0]!;
    expect(line).toMatchObject({ action: 'answered', entity: 'voice', entityId: support, summary: 'status new → adopted; reply shown 2026-11-23 to 2026-11-29' });
    expect(JSON.stringify(await auditLog(t))).not.toMatch(/invoice/i);

    // Omitted: the reply stays, and the bundle with it (a status change alone: same version).
    const kept = await json(send(t, 'PUT', `/voice/${support}`, { revision: 2, status: 'under_review' }));
    expect(kept.reply).toEqual(adopted.reply);
    expect(await contentTag(t)).toEqual(v1);
    // One day, the shortest card: from today to today.
    t.clock.set('2026-11-24T09:00:00Z');
    expect((await json(send(t, 'PUT', `/voice/${support}`, { revision: 3, status: 'adopted', reply: { ...reply, days: 1 } }))).reply).toMatchObject({ from: '2026-11-24', until: '2026-11-24' });
    const down = await json(send(t, 'PUT', `/voice/${support}`, { revision: 4, status: 'adopted', reply: null }));
    expect(down).toMatchObject({ reply: null, revision: 5 });
    expect((await json(t.app.request('/api/v1/content'))).voiceCards).toEqual([]);
    expect((await contentTag(t)).version).toBe(v1.version + 2);
    expect((await auditLog(t))[0]!.summary).toBe('reply taken down');
  });

  it('refuses a stale revision (409 naming the current one), an unknown message (404), and a bad body (400), changing nothing', async () => {
    const { t, support } = await seeded();
    expect((await send(t, 'PUT', `/voice/${support}`, { revision: 1, status: 'under_review' })).status).toBe(200);
    const stale = await refused(t, 'PUT', `/voice/${support}`, { revision: 1, status: 'adopted' }, 409);
    expect(stale.issues).toEqual([{ path: 'revision', message: 'you edited revision 1; it is now at revision 2' }]);
    expect(stale.message).toContain('by ADMIN_TOKEN (environment)');
    expect((await refused(t, 'PUT', '/voice/v-aaaaaaaaaaaa', { revision: 1, status: 'adopted' }, 404)).code).toBe('not_found');
    expect((await refused(t, 'PUT', `/voice/${support}`, { revision: 2, status: 'not_adopted' }, 400)).issues).toEqual([
      { path: 'reason', message: 'is required when a suggestion is not adopted: say why' },
    ]);
    expect((await refused(t, 'PUT', `/voice/${support}`, { revision: 2, status: 'adopted', reply: { said: 'x', did: 'y', days: LIMITS.voiceCardDaysMax + 1 } }, 400)).issues).toEqual([
      { path: 'reply.days', message: `must be at most ${LIMITS.voiceCardDaysMax} days` },
    ]);
    expect((await refused(t, 'PUT', `/voice/${support}`, { revision: 2, status: 'adopted', reply: { said: '', did: 'y', days: 3 } }, 400)).issues?.map((i) => i.path)).toEqual(['reply.said']);
    expect((await refused(t, 'PUT', `/voice/${support}`, { revision: 2, status: 'adopted', text: 'rewritten' }, 400)).message).toContain('text');
    expect((await refused(t, 'PUT', `/voice/${support}`, { revision: 2, status: 'done' }, 400)).issues?.map((i) => i.path)).toEqual(['status']);
  });
});

describe('POST /api/v1/admin/voice/:id/share', () => {
  it('shares a lesson with all departments as a card from today for `days` days: a new content version, audited', async () => {
    const { t, legal } = await seeded();
    const v0 = await contentTag(t);
    const response = await send(t, 'POST', `/voice/${legal}/share`, { revision: 1, said: 'Notices by post went unread; email works.', days: 14 });
    expect(response.status).toBe(200);
    const record = VoiceMessageRecordSchema.parse(await response.json());
    // Shared, and still from "a small department".
    expect(record).toMatchObject({ shared: { said: 'Notices by post went unread; email works.', from: '2026-11-23', until: '2026-12-06' }, department: null, revision: 2 });
    expect((await contentTag(t)).version).toBe(v0.version + 1);
    const bundle = await json(t.app.request('/api/v1/content'));
    expect(bundle.voiceCards).toEqual([{ id: `lesson-${legal}`, kind: 'lesson', said: 'Notices by post went unread; email works.', messageKind: 'lesson', from: '2026-11-23', until: '2026-12-06' }]);
    expect(JSON.stringify(bundle.voiceCards)).not.toMatch(/legal/i);
    expect((await auditLog(t))[0]).toMatchObject({ action: 'shared', entity: 'voice', entityId: legal, summary: 'shared with all departments 2026-11-23 to 2026-12-06' });
  });

  it('refuses another kind (409 naming kind), a stale revision (409), an unknown message (404), bad days (400), changing nothing', async () => {
    const { t, legal, sales } = await seeded();
    const share = { revision: 1, said: 'A lesson.', days: 3 };
    expect((await refused(t, 'POST', `/voice/${sales}/share`, share, 409)).issues).toEqual([{ path: 'kind', message: 'is idea, not lesson' }]);
    expect((await refused(t, 'POST', `/voice/${legal}/share`, { ...share, revision: 7 }, 409)).issues?.map((i) => i.path)).toEqual(['revision']);
    expect((await refused(t, 'POST', '/voice/v-aaaaaaaaaaaa/share', share, 404)).code).toBe('not_found');
    expect((await refused(t, 'POST', `/voice/${legal}/share`, { ...share, days: 0 }, 400)).issues?.map((i) => i.path)).toEqual(['days']);
    expect((await refused(t, 'POST', `/voice/${legal}/share`, { ...share, said: 'x'.repeat(LIMITS.voiceSaid + 1) }, 400)).issues?.map((i) => i.path)).toEqual(['said']);
  });
});

describe('POST /api/v1/admin/voice/:id/story', () => {
  it('makes a customer voice a new archived story, linked from the message; a second time is refused naming it', async () => {
    const { t, support } = await seeded();
    const v0 = await contentTag(t);
    const response = await send(t, 'POST', `/voice/${support}/story`, { revision: 1 });
    expect(response.status).toBe(201);
    const result = VoiceStoryResultSchema.parse(await response.json());
    expect(result.storyId).toBe('the-customer-said-the-invoice-dates-confuse-them');
    expect(result.message).toMatchObject({ id: support, storyId: result.storyId, revision: 2 });
    const story = await json(send(t, 'GET', `/stories/${result.storyId}`));
    expect(story).toMatchObject({
      title: 'The customer said the invoice dates confuse them.',
      customer: 'A customer, as told by Customer Support',
      body: 'The customer said the invoice dates confuse them.',
      source: 'Employee voice, 2026-11-23',
      archived: true,
      revision: 1,
    });
    expect((await contentTag(t)).version).toBe(v0.version + 1);
    // Archived: in the bundle as archived, never on a new tab until the CX lead restores it.
    const bundle = await json(t.app.request('/api/v1/content'));
    expect(bundle.stories.find((s: { id: string }) => s.id === result.storyId).archived).toBe(true);
    const audit = await auditLog(t);
    expect(audit.slice(0, 2)).toEqual([
      expect.objectContaining({ action: 'made a story', entity: 'voice', entityId: support, summary: `draft story ${result.storyId} (archived until published)` }),
      expect.objectContaining({ action: 'created', entity: 'story', entityId: result.storyId, summary: `archived draft from employee voice message ${support}` }),
    ]);
    // The story is named by its id (made from its title, as every story's is); the message's words are not copied.
    expect(JSON.stringify(audit)).not.toContain('The customer said the invoice dates confuse them');

    const again = await refused(t, 'POST', `/voice/${support}/story`, { revision: 2 }, 409);
    expect(again.issues).toEqual([{ path: 'storyId', message: `is "${result.storyId}" already` }]);
    expect(again.message).toContain(result.storyId);
  });

  it('tells the story as from "a colleague in a small department" when the inbox masks it; ids never collide', async () => {
    const t = await makeTestApp();
    const first = await sentVoice(t, { department: 'legal', text: 'The night shift login fails.' });
    const second = await sentVoice(t, { department: 'legal', text: 'The night shift login fails.' });
    const a = await json(send(t, 'POST', `/voice/${first.messageId}/story`, { revision: 1 }));
    const b = await json(send(t, 'POST', `/voice/${second.messageId}/story`, { revision: 1 }));
    expect([a.storyId, b.storyId]).toEqual(['the-night-shift-login-fails', 'the-night-shift-login-fails-2']);
    const story = await json(send(t, 'GET', `/stories/${a.storyId}`));
    expect(story.customer).toBe('A customer, as told by a colleague in a small department');
    expect(JSON.stringify(story)).not.toMatch(/legal/i);
  });

  it('refuses another kind (409 naming kind), a stale revision (409), an unknown message (404), changing nothing', async () => {
    const { t, support, sales } = await seeded();
    expect((await refused(t, 'POST', `/voice/${sales}/story`, { revision: 1 }, 409)).issues).toEqual([{ path: 'kind', message: 'is idea, not customer_said' }]);
    expect((await refused(t, 'POST', `/voice/${support}/story`, { revision: 2 }, 409)).issues?.map((i) => i.path)).toEqual(['revision']);
    expect((await refused(t, 'POST', '/voice/v-aaaaaaaaaaaa/story', { revision: 1 }, 404)).code).toBe('not_found');
    expect((await refused(t, 'POST', `/voice/${support}/story`, { revision: 1, title: 'Mine' }, 400)).message).toContain('title');
  });
});
