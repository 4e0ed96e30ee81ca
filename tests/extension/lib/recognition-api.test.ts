import { describe, expect, it } from 'vitest';
import { effectiveProfile } from '../../../extension/lib/profile';
import { fetchEntryStatus, fetchOpenRounds, submitEntry } from '../../../extension/lib/recognition-api';
import type { EntryDraft } from '../../../shared/src/schemas/recognition-entry';
import { fakeRecognitionServer } from '../support/fake-recognition-server';

const profile = async () => effectiveProfile({ serverUrl: 'https://cx.example.com', enrollmentKey: 'company-key', usageStatistics: true }, {});
const draft: EntryDraft = {
  roundId: '2027-q1',
  categoryId: 'customer-savings',
  team: { name: 'Logistics planning team', department: 'operations' },
  customer: 'Orchard Grocers',
  before: '$3.4M a month in expedited freight',
  after: '$2.4M a month',
  method: 'Deliveries planned around the receiving windows.',
  selfCheck: [{ criterionId: 'money-saved', status: 'met' }],
  installId: '0b6f5a3c-2f4e-4d8a-9c1b-7e2d3f4a5b6c',
};
const replying = (response: () => Response) => ({ fetch: (async () => response()) as unknown as typeof fetch, profile });

describe('the recognition API client', () => {
  it('asks the configured server with the enrollment key, and the receipt only for its own entry', async () => {
    const server = fakeRecognitionServer({ enrollmentKey: 'company-key' });
    const deps = { fetch: server.fetch, profile };
    const rounds = await fetchOpenRounds(deps);
    expect(rounds.ok && rounds.value.rounds.map((r) => r.id)).toEqual(['2027-q1']);
    const receipt = await submitEntry(deps, draft);
    if (!receipt.ok) throw new Error(receipt.message);
    const status = await fetchEntryStatus(deps, receipt.value);
    expect(status.ok && status.value).toMatchObject({ entryId: receipt.value.entryId, status: 'submitted', teamName: 'Logistics planning team' });
    expect(server.requests.map((r) => [r.method, r.url, r.headers.authorization, r.headers['x-entry-receipt']])).toEqual([
      ['GET', 'https://cx.example.com/api/v1/recognition/rounds', 'Bearer company-key', undefined],
      ['POST', 'https://cx.example.com/api/v1/recognition/entries', 'Bearer company-key', undefined],
      ['GET', `https://cx.example.com/api/v1/recognition/entries/${receipt.value.entryId}`, 'Bearer company-key', receipt.value.receipt],
    ]);
  });

  it('gives the server’s own words when it refuses, with the fields it named', async () => {
    const server = fakeRecognitionServer();
    const refused = await submitEntry({ fetch: server.fetch, profile }, { ...draft, team: { ...draft.team, name: ' ' } });
    expect(refused).toMatchObject({ ok: false, kind: 'refused', status: 400, message: 'team.name: must not be empty', issues: [{ path: 'team.name', message: 'must not be empty' }] });
    const wrongReceipt = await fetchEntryStatus({ fetch: server.fetch, profile }, { entryId: 'e-nothing', receipt: 'x'.repeat(43) });
    expect(wrongReceipt).toMatchObject({ ok: false, kind: 'refused', status: 404, message: 'There is no such entry.' });
  });

  it('says the enrollment key was refused and where to fix it', async () => {
    const server = fakeRecognitionServer({ enrollmentKey: 'another-key' });
    expect(await fetchOpenRounds({ fetch: server.fetch, profile })).toMatchObject({
      ok: false,
      status: 401,
      message: 'The server refused the enrollment key: The enrollment key is not valid. Check it in the extension’s settings.',
    });
  });

  it('answers in plain words when there is no answer, an answer without the error shape, or one the contract does not allow', async () => {
    const server = fakeRecognitionServer();
    server.setOffline(true);
    expect(await fetchOpenRounds({ fetch: server.fetch, profile })).toEqual({
      ok: false,
      kind: 'offline',
      message: 'Cannot reach the server at https://cx.example.com: you may be offline, or it may be down.',
    });
    expect(await fetchOpenRounds(replying(() => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })))).toEqual({
      ok: false,
      kind: 'server-error',
      status: 502,
      message: 'The server answered 502 Bad Gateway.',
    });
    const unreadable = await fetchOpenRounds(replying(() => Response.json({ rounds: [{ id: 'Not An Id' }] })));
    expect(unreadable).toMatchObject({ ok: false, kind: 'unreadable' });
    expect(unreadable.ok || unreadable.message).toMatch(/^The server sent an answer this extension cannot read \(rounds\.0\./);
  });

  it('gives up on a server that does not answer', async () => {
    const hung = {
      profile,
      timeoutMs: 50,
      fetch: ((_url: URL, init: RequestInit) => new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)))) as unknown as typeof fetch,
    };
    expect(await submitEntry(hung, draft)).toEqual({ ok: false, kind: 'timeout', message: 'The server at https://cx.example.com did not answer within 0.05 s.' });
  });
});
