import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { REFUSAL_PAGE_STYLE_HASH, refusalPage } from '../../../server/src/auth/refusal-page';
import { securityHeaderSets } from '../../../server/src/middleware/security-headers';

const render = async (page: { title: string; message: string }) => String(await refusalPage(page));

describe('the company sign-in refusal page', () => {
  it('has the dashboard’s look through one inline style that the pages’ CSP allows by its hash, and no script', async () => {
    const html = await render({ title: 'You have no access to Customer Chair', message: 'Ask your CX lead for access.' });
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]!);
    expect(styles).toHaveLength(1);
    expect(`'sha256-${createHash('sha256').update(styles[0]!).digest('base64')}'`).toBe(REFUSAL_PAGE_STYLE_HASH);
    const csp = (await securityHeaderSets).pages['content-security-policy']!;
    expect(csp).toContain(`style-src 'self' ${REFUSAL_PAGE_STYLE_HASH}`);
    expect(csp).toContain("script-src 'self'");
    expect(styles[0]).toContain('--accent');
    expect(html).not.toMatch(/<script|style="/);
    expect(html).toContain('<a class="button" href="/">Back to the dashboard</a>');
  });

  it('shows what the provider or a person’s name said as text', async () => {
    const html = await render({ title: 'You were not signed in', message: 'You signed in as <img src=x onerror=alert(1)> & co.' });
    expect(html).toContain('You signed in as &lt;img src=x onerror=alert(1)&gt; &amp; co.');
    expect(html).not.toContain('<img');
  });
});
