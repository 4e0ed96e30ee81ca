import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** What axe found on a page: the rule, how bad, and where (a CSS path per element, `>>` stepping into a shadow root, and what failed there). */
export type Finding = { rule: string; impact: string; help: string; targets: string[] };

export type Audit = {
  /** Serious and critical: the rule is that there are none. */
  blocking: Finding[];
  /** Moderate and minor, reported but not failing. */
  others: Finding[];
  /** How many elements passed some rule: none means axe saw nothing (an empty frame, a selector that missed). */
  checked: number;
};

const finding = (v: Violation): Finding => ({
  rule: v.id,
  impact: v.impact ?? 'unknown',
  help: v.help,
  targets: v.nodes.map((n) => {
    const where = n.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : String(t))).join(' | ');
    // What failed there, in axe's words ("Element has insufficient color contrast of 3.9 (foreground color: …").
    const why = [...n.any, ...n.all, ...n.none].find((check) => check.message)?.message;
    return why ? `${where} — ${why}` : where;
  }),
});

/**
 * Runs axe-core (every WCAG 2.x A/AA rule and the best practices) on the
 * page as it is now (in the colour scheme it is emulating), with `include`
 * narrowing it to a part of the page (the meeting card, not the meeting
 * site around it). Works on extension pages too: the script is injected
 * through the DevTools protocol, which the pages' CSP does not govern.
 */
export async function auditPage(page: Page, options: { include?: string } = {}): Promise<Audit> {
  // Let the last render and any transition reach the screen: contrast is computed from what is painted.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  // Legacy mode: axe.run in the page itself. The default runs each frame apart and finishes in a new blank
  // page, about a third slower here; none of the pages audited has a frame of its own (the card is a shadow root).
  const builder = new AxeBuilder({ page }).setLegacyMode(true);
  if (options.include) builder.include(options.include);
  const { violations, passes } = await builder.analyze();
  const all = violations.map(finding);
  return {
    blocking: all.filter((f) => f.impact === 'serious' || f.impact === 'critical'),
    others: all.filter((f) => f.impact !== 'serious' && f.impact !== 'critical'),
    checked: new Set(passes.flatMap((p) => p.nodes.map((n) => n.target.join(' >> ')))).size,
  };
}

/** The findings as lines for the test output: "serious color-contrast (Elements must meet…): .story-meta, .quiet a". */
export function describeFindings(findings: Finding[]): string {
  return findings.map((f) => `  ${f.impact} ${f.rule} (${f.help}):\n${f.targets.map((t) => `    ${t}`).join('\n')}`).join('\n');
}

/**
 * Audits `page` and prints what it found under `name`; answers the serious
 * and critical findings, described, for the test to expect none: `expect(await auditReport(…)).toBe('')`.
 */
export async function auditReport(page: Page, name: string, options: { include?: string } = {}): Promise<string> {
  const { blocking, others, checked } = await auditPage(page, options);
  console.log(`axe, ${name}: ${checked} elements checked`);
  if (checked === 0) throw new Error(`axe, ${name}: no element was checked (${page.url()}${options.include ? `, ${options.include}` : ''})`);
  if (blocking.length) console.log(`axe, ${name}: ${blocking.length} serious or critical\n${describeFindings(blocking)}`);
  if (others.length) console.log(`axe, ${name}: ${others.length} moderate or minor (not failing)\n${describeFindings(others)}`);
  return describeFindings(blocking);
}
