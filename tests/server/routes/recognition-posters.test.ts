import { describe, expect, it } from 'vitest';
import { insertStory } from '../../../server/src/storage/queries/insert-story';
import { sql } from '../../../server/src/storage/sql';
import { STORY_DRAFT } from '../../support/admin-api';
import { announceWinner, demoEntries } from '../../support/recognized-stories';
import { makeTestApp } from '../../support/test-app';

const KEY = 'company-enrollment-key-0123456789';
const TODAY = '2026-11-23';

/** The text a page shows, roughly: tags dropped, the entities hono/html writes read back. */
function shownText(page: string): string {
  return page
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('GET /recognition/posters/:storyId', () => {
  it('is a printable page of the winner: the mark, team, customer, before → after, the method, the customer\'s words', async () => {
    const t = await makeTestApp();
    const story = await announceWinner(t.storage, { index: 0, announceOn: TODAY });
    const entry = (await demoEntries(t.storage))[0]!;
    const response = await t.app.request(`/recognition/posters/${story.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=UTF-8');
    const page = await response.text();
    const text = shownText(page);
    for (const part of ['Recognized', 'Faster for the customer', '2027 Q1', entry.teamName, entry.customer, entry.before, entry.after, entry.method, `“${entry.ackQuote}”`, entry.ackSource!]) {
      expect(text).toContain(part.replace(/\s+/g, ' '));
    }
    expect(page).toContain('<link rel="stylesheet" href="/recognition/poster.css">');
    // No script and no inline style: the pages' CSP holds as it is.
    expect(page).not.toMatch(/<script|style=|<style/i);
    const csp = response.headers.get('Content-Security-Policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('X-Frame-Options')).toBe('DENY');
  });

  it('serves its stylesheet, with the print rules for one portrait page', async () => {
    const t = await makeTestApp();
    const response = await t.app.request('/recognition/poster.css');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    const css = await response.text();
    expect(css).toContain('@page { size: portrait');
    expect(css).toContain('@media print');
  });

  it('shows a team named like markup literally: everything is escaped', async () => {
    const t = await makeTestApp();
    const team = '<script>alert("team")</script><img src=x onerror=alert(1)>';
    const story = await announceWinner(t.storage, { index: 1, announceOn: TODAY, team, story: { customer: 'Kestrel <b>Aerospace</b> & "Co"' } });
    const page = await (await t.app.request(`/recognition/posters/${story.id}`)).text();
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<b>');
    expect(page).toContain('&lt;script&gt;alert(&quot;team&quot;)&lt;/script&gt;');
    expect(shownText(page)).toContain(team);
    expect(shownText(page)).toContain('Kestrel <b>Aerospace</b> & "Co"');
  });

  it('tells a story whose entry is gone (restored, imported) from the story itself', async () => {
    const t = await makeTestApp();
    const story = await announceWinner(t.storage, { index: 2, announceOn: TODAY });
    await t.storage.run(sql`UPDATE recognition_entries SET story_id = NULL`);
    const text = shownText(await (await t.app.request(`/recognition/posters/${story.id}`)).text());
    expect(text).toContain(story.impact!);
    expect(text).toContain('How they did it');
  });

  it('is 404 for a story that is not a recognized, announced one', async () => {
    const t = await makeTestApp();
    const tomorrow = await announceWinner(t.storage, { index: 0, announceOn: '2026-11-24' });
    const archived = await announceWinner(t.storage, { index: 1, announceOn: TODAY, story: { archived: true } });
    await insertStory(t.storage, { ...STORY_DRAFT, id: 'plain-story', tags: [], archived: false, publishOn: '2026-01-01' }, new Date('2026-01-01T00:00:00Z'));
    for (const id of [tomorrow.id, archived.id, 'plain-story', 'no-such-story', '..%2F..%2Fetc']) {
      const response = await t.app.request(`/recognition/posters/${id}`);
      expect(response.status, id).toBe(404);
      expect((await response.json()).error.code).toBe('not_found');
    }
    // On the announcement day it is there.
    t.clock.set('2026-11-24T00:00:01Z');
    expect((await t.app.request(`/recognition/posters/${tomorrow.id}`)).status).toBe(200);
  });

  it('with a key: refused without it, open with it in the header or the address, a wrong one counted', async () => {
    const t = await makeTestApp({ config: { enrollmentKey: KEY } });
    const story = await announceWinner(t.storage, { index: 0, announceOn: TODAY });
    const path = `/recognition/posters/${story.id}`;
    expect((await t.app.request(path)).status).toBe(401);
    expect((await t.app.request(path, { headers: { Authorization: `Bearer ${KEY}` } })).status).toBe(200);
    expect((await t.app.request(`${path}?key=${KEY}`)).status).toBe(200);
    expect((await t.app.request(`${path}?key=wrong`)).status).toBe(401);
    expect((await t.storage.one<{ n: number }>(sql`SELECT COUNT(*) AS n FROM credential_failures`))!.n).toBeGreaterThan(0);
    // The stylesheet needs no key: it says nothing of anyone.
    expect((await t.app.request('/recognition/poster.css')).status).toBe(200);
  });
});
