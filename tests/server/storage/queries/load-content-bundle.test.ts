import { describe, expect, it } from 'vitest';
import { bumpContentVersion } from '../../../../server/src/storage/queries/bump-content-version';
import { loadContentBundle } from '../../../../server/src/storage/queries/load-content-bundle';
import { sql } from '../../../../server/src/storage/sql';
import { ContentBundleSchema } from '../../../../shared/src/schemas/content-bundle';
import { contentTag, json, send } from '../../../support/admin-api';
import { makeTestApp } from '../../../support/test-app';
import { sentVoice } from '../../../support/voice-api';

describe('loadContentBundle: the voice cards', () => {
  it('carries the replies and shared lessons still showing on the day its version was made, the same body on every later day', async () => {
    const t = await makeTestApp({ now: '2026-11-23T10:00:00Z' });
    const said = await sentVoice(t, { kind: 'customer_said' });
    const lesson = await sentVoice(t, { kind: 'lesson' });
    expect((await send(t, 'PUT', `/voice/${said.messageId}`, { revision: 1, status: 'adopted', reply: { said: 'You said it.', did: 'We did it.', days: 2 } })).status).toBe(200);
    t.clock.set('2026-11-24T10:00:00Z');
    expect((await send(t, 'POST', `/voice/${lesson.messageId}/share`, { revision: 1, said: 'The lesson.', days: 5 })).status).toBe(200);
    const made = await contentTag(t);
    const bundle = ContentBundleSchema.parse(await json(t.app.request('/api/v1/content')));
    // Newest first.
    expect(bundle.voiceCards).toEqual([
      { id: `lesson-${lesson.messageId}`, kind: 'lesson', said: 'The lesson.', messageKind: 'lesson', from: '2026-11-24', until: '2026-11-28' },
      { id: `reply-${said.messageId}`, kind: 'reply', said: 'You said it.', did: 'We did it.', messageKind: 'customer_said', from: '2026-11-23', until: '2026-11-24' },
    ]);
    // Days later, without a change: the same version, the same body, the same ETag (the extension shows each card from..until).
    t.clock.set('2026-11-27T10:00:00Z');
    expect(await contentTag(t)).toEqual(made);
    expect((await loadContentBundle(t.storage, t.config.timezone))!.voiceCards).toEqual(bundle.voiceCards);
    // The next version, made on the 27th, no longer carries the reply that ended on the 24th.
    expect((await send(t, 'POST', '/prompts', { text: 'Would a customer pay for this?', where: 'meeting' })).status).toBe(201);
    expect((await json(t.app.request('/api/v1/content'))).voiceCards.map((c: { id: string }) => c.id)).toEqual([`lesson-${lesson.messageId}`]);
  });

  it('carries a card that starts later, and leaves out what has no card (no reply, a reply taken down)', async () => {
    const t = await makeTestApp({ now: '2026-11-23T10:00:00Z' });
    const quiet = await sentVoice(t, { kind: 'idea' });
    const later = await sentVoice(t, { kind: 'idea' });
    expect((await send(t, 'PUT', `/voice/${quiet.messageId}`, { revision: 1, status: 'adopted' })).status).toBe(200);
    await t.storage.run(
      sql`UPDATE voice_messages SET reply_said = 'Said.', reply_did = 'Did.', reply_from = '2026-12-01', reply_until = '2026-12-03' WHERE id = ${later.messageId}`,
    );
    await bumpContentVersion(t.storage, t.clock.now());
    const bundle = ContentBundleSchema.parse(await loadContentBundle(t.storage, t.config.timezone));
    expect(bundle.voiceCards).toEqual([{ id: `reply-${later.messageId}`, kind: 'reply', said: 'Said.', did: 'Did.', messageKind: 'idea', from: '2026-12-01', until: '2026-12-03' }]);
  });

  it('decides "still showing" on the company-local day of the version', async () => {
    // 23:30 UTC on the 23rd is already the 24th in Paris.
    const t = await makeTestApp({ now: '2026-11-23T23:30:00Z', config: { timezone: 'Europe/Paris' } });
    const said = await sentVoice(t);
    await t.storage.run(sql`UPDATE voice_messages SET reply_said = 'S.', reply_did = 'D.', reply_from = '2026-11-20', reply_until = '2026-11-23' WHERE id = ${said.messageId}`);
    await bumpContentVersion(t.storage, t.clock.now());
    expect((await loadContentBundle(t.storage, t.config.timezone))!.voiceCards).toEqual([]);
    await t.storage.run(sql`UPDATE voice_messages SET reply_until = '2026-11-24' WHERE id = ${said.messageId}`);
    await bumpContentVersion(t.storage, t.clock.now());
    expect((await loadContentBundle(t.storage, t.config.timezone))!.voiceCards).toHaveLength(1);
  });
});
