import { chromium } from 'playwright-core';
import { performance } from 'node:perf_hooks';
import { assertChromium } from '../../tests/support/launch-extension';
import type { RunningServer } from '../../tests/support/start-server';
import { round, summarize } from './summarize';

/**
 * The CX dashboard's overview in Chromium: from navigation until the
 * figures table has its rows, signed in, `loads` times.
 */
export async function benchDashboardLoad(server: RunningServer, loads: number) {
  const browser = await chromium.launch({ executablePath: assertChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByLabel('Admin token').fill(server.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('table.figures tbody tr').first().waitFor({ timeout: 60_000 });
    const samples: number[] = [];
    for (let i = 0; i < loads; i++) {
      const start = performance.now();
      await page.goto(server.url);
      await page.locator('table.figures tbody tr').first().waitFor({ timeout: 60_000 });
      samples.push(performance.now() - start);
    }
    const s = summarize(samples);
    return { tableFilledMs: { min: round(s.min), median: round(s.median), max: round(s.max) }, loads };
  } finally {
    await browser.close();
  }
}
