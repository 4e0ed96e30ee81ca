import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { insertStory } from '../../../server/src/storage/queries/insert-story';
import { sql } from '../../../server/src/storage/sql';
import { STORY_DRAFT } from '../../support/admin-api';
import { announceWinner, demoEntries } from '../../support/recognized-stories';
import { makeTestApp } from '../../support/test-app';

const KEY = 'company-enrollment-key-0123456789';
const FEED = '/api/v1/recognition/feed.atom';
// The test app's clock: 2026-11-23, 10:00 UTC.
const TODAY = '2026-11-23';

type Text = string | { '#text': string; '@_type'?: string };
type AtomEntry = {
  id: string;
  title: Text;
  updated: string;
  published?: string;
  author?: { name: string } | { name: string }[];
  link?: { '@_href': string; '@_rel'?: string } | { '@_href': string; '@_rel'?: string }[];
  summary?: Text;
  content?: Text;
};

const textOf = (value: Text | undefined) => (typeof value === 'object' ? value['#text'] : value);
const typeOf = (value: Text | undefined) => (typeof value === 'object' ? value['@_type'] : undefined);
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The feed checked as RFC 4287 asks, by fast-xml-parser (not the library that wrote it): well-formed XML; an Atom
 * <feed> with id, title and updated, an author for the feed or for every entry, a self link; each entry with id,
 * title, updated and a link; dates in RFC 3339; every text construct plain text.
 */
function validAtom(xml: string): { feed: Record<string, any>; entries: AtomEntry[] } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false }).parse(xml);
  const feed = parsed.feed;
  expect(feed, 'root is <feed>').toBeDefined();
  expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  expect(new URL(feed.id).href).toBeTruthy();
  expect(textOf(feed.title)).toBeTruthy();
  expect(feed.updated).toMatch(RFC3339);
  expect(list(feed.link).some((link: any) => link['@_rel'] === 'self' && new URL(link['@_href']).pathname === FEED)).toBe(true);
  const entries = list<AtomEntry>(feed.entry);
  for (const entry of entries) {
    expect(new URL(entry.id).href).toBeTruthy();
    expect(textOf(entry.title)).toBeTruthy();
    expect(entry.updated).toMatch(RFC3339);
    expect(list(entry.link).length).toBeGreaterThan(0);
    expect(list(feed.author).length + list(entry.author).length, 'an author for the feed or the entry').toBeGreaterThan(0);
    for (const text of [entry.title, entry.summary, entry.content]) expect(typeOf(text)).toBe('text');
  }
  expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
  return { feed, entries };
}

async function readFeed(app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> }, path = FEED, headers: Record<string, string> = {}) {
  const response = await app.request(path, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8');
  return validAtom(await response.text());
}

describe('GET /api/v1/recognition/feed.atom', () => {
  it('is a valid Atom feed of the announced winners, newest first: title, team, customer, before/after, method, the customer\'s words, the poster', async () => {
    const t = await makeTestApp();
    // Announced last month, announced today, announced tomorrow (not yet), and an archived one.
    await announceWinner(t.storage, { index: 0, announceOn: '2026-10-20', roundName: '2026 Q4' });
    const newest = await announceWinner(t.storage, { index: 1, announceOn: TODAY, categoryName: 'Faster for the customer' });
    await announceWinner(t.storage, { index: 2, announceOn: '2026-11-24', categoryName: 'Customer savings' });
    await announceWinner(t.storage, { index: 3, announceOn: '2026-11-01', categoryName: 'Fewer customer problems', story: { archived: true } });
    // A story no winner became is not in it, however old.
    await insertStory(t.storage, { ...STORY_DRAFT, id: 'plain-story', tags: [], archived: false, publishOn: '2026-01-01' }, new Date('2026-01-01T00:00:00Z'));

    const { feed, entries } = await readFeed(t.app);
    const [field, line4] = (await demoEntries(t.storage)).slice(0, 2);
    expect(entries.map((entry) => textOf(entry.title))).toEqual(['Recognized: Faster for the customer, 2027 Q1', 'Recognized: Faster for the customer, 2026 Q4']);
    expect(entries.map((entry) => list(entry.author)[0]!.name)).toEqual([line4!.teamName, field!.teamName]);
    expect(feed.updated).toBe(`${TODAY}T00:00:00.000Z`);
    expect(entries[0]!.published).toBe(`${TODAY}T00:00:00.000Z`);
    // Changed after its announcement: updated says when.
    expect(entries[1]!.updated).toBe('2026-11-20T09:00:00.000Z');

    const content = textOf(entries[0]!.content)!;
    for (const part of [`Team: ${line4!.teamName}`, `Customer: ${line4!.customer}`, `Before: ${line4!.before}`, `After: ${line4!.after}`, `How they did it: ${line4!.method}`]) {
      expect(content).toContain(part);
    }
    const poster = `http://localhost/recognition/posters/${newest.id}`;
    expect(content).toContain(`Poster: ${poster}`);
    expect(list(entries[0]!.link)).toEqual([expect.objectContaining({ '@_href': poster, '@_rel': 'alternate' })]);
    expect(textOf(entries[1]!.content)).toContain(`In the customer's words: "${field!.ackQuote}" (${field!.ackSource})`);
  });

  it('goes by the company-local day: a winner announced tomorrow in UTC is in it once that day has begun in the company\'s time zone', async () => {
    const inUtc = await makeTestApp({ now: '2026-11-23T12:00:00Z' });
    const inAuckland = await makeTestApp({ now: '2026-11-23T12:00:00Z', config: { timezone: 'Pacific/Auckland' } });
    for (const t of [inUtc, inAuckland]) await announceWinner(t.storage, { index: 0, announceOn: '2026-11-24' });
    expect((await readFeed(inUtc.app)).entries).toHaveLength(0);
    // 12:00 UTC is already 01:00 on the 24th in Auckland.
    expect((await readFeed(inAuckland.app)).entries).toHaveLength(1);
  });

  it('shows what teams typed as text, never as markup', async () => {
    const t = await makeTestApp();
    const team = '<script>alert("team")</script> & ]]> crew';
    await announceWinner(t.storage, { index: 0, announceOn: TODAY, team });
    const response = await t.app.request(FEED);
    const xml = await response.text();
    expect(xml).not.toMatch(/type="(html|xhtml)"/);
    const { entries } = validAtom(xml);
    expect(list(entries[0]!.author)[0]!.name).toBe(team);
    expect(textOf(entries[0]!.content)).toContain(`Team: ${team}`);
    // The API's headers: a document that runs nothing, whatever a reader makes of it.
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
  });

  it('is an empty, valid feed before any winner is announced', async () => {
    const t = await makeTestApp();
    const { entries, feed } = await readFeed(t.app);
    expect(entries).toEqual([]);
    expect(feed.updated).toBe('2026-11-23T10:00:00.000Z');
  });
});

describe('the feed and the enrollment key', () => {
  it('without ENROLLMENT_KEY the feed is open, like content, and its poster links carry no key', async () => {
    const t = await makeTestApp();
    await announceWinner(t.storage, { index: 0, announceOn: TODAY });
    const { entries } = await readFeed(t.app, `${FEED}?key=anything`);
    expect(list(entries[0]!.link)[0]!['@_href']).not.toContain('key=');
  });

  it('with a key: refused without it (401 saying how to send it), read with it in the header or the address', async () => {
    const t = await makeTestApp({ config: { enrollmentKey: KEY } });
    const story = await announceWinner(t.storage, { index: 0, announceOn: TODAY });
    const refused = await t.app.request(FEED);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.message).toContain('?key=<key>');

    const byHeader = await readFeed(t.app, FEED, { Authorization: `Bearer ${KEY}` });
    expect(list(byHeader.entries[0]!.link)[0]!['@_href']).toBe(`http://localhost/recognition/posters/${story.id}`);
    // Subscribed with the key in the address: the posters' links carry it, so they open from the reader.
    const byAddress = await readFeed(t.app, `${FEED}?key=${KEY}`);
    expect(list(byAddress.entries[0]!.link)[0]!['@_href']).toBe(`http://localhost/recognition/posters/${story.id}?key=${KEY}`);
    // The key never goes into ids or the self link.
    expect(byAddress.entries[0]!.id).not.toContain(KEY);
    expect(JSON.stringify(byAddress.feed.link)).not.toContain(KEY);
  });

  it('a wrong key in the address is 401 and counted by the credential throttle, like any wrong key', async () => {
    const t = await makeTestApp({ config: { enrollmentKey: KEY } });
    const failures = async () => (await t.storage.one<{ n: number }>(sql`SELECT COUNT(*) AS n FROM credential_failures`))!.n;
    expect(await failures()).toBe(0);
    const wrong = await t.app.request(`${FEED}?key=not-the-key`);
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.message).toBe('The enrollment key is not valid.');
    expect(await failures()).toBeGreaterThan(0);
    // An empty key is no key: refused, not counted as a guess.
    const before = await failures();
    expect((await t.app.request(`${FEED}?key=`)).status).toBe(401);
    expect(await failures()).toBe(before);
  });
});
