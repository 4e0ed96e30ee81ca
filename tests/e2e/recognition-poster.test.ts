import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/storage/sqlite/open-database';
import { sqliteStorage } from '../../server/src/storage/sqlite/sqlite-storage';
import { sql } from '../../server/src/storage/sql';
import { addDays, localDay } from '../../shared/src/domain/local-day';
import type { Story } from '../../shared/src/schemas/story';
import { LIMITS } from '../../shared/src/schemas/limits';
import { assertChromium } from '../support/launch-extension';
import { announceWinner, demoEntries } from '../support/recognized-stories';
import { startServer, type RunningServer } from '../support/start-server';

const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;
const KEY = 'poster-enrollment-key-0123456789abcdef';
const folder = mkdtempSync(join(tmpdir(), 'cc-recognition-poster-'));
const databasePath = join(folder, 'cc.db');
/** A team named like markup, to see it printed as typed. */
const HOSTILE_TEAM = 'Night shift <script>alert(1)</script> crew';

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
/** The demo's field service winner, and a winner whose every text is as long as an entry allows. */
let demo: Story;
let longest: Story;
let demoTeam: string;

/** Words of a text as long as `length`. */
const long = (what: string, length: number) => `${what} `.repeat(Math.ceil(length / (what.length + 1))).slice(0, length).trim();

/**
 * Text as PDF.js reads it back, compared without spaces and case: it splits letter-spaced words ("R E C …"),
 * ligatures ("fi") and lines into pieces.
 */
const squash = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/** The poster printed to PDF on A4 and on Letter: the most pages either took, and the text, read back by PDF.js. */
async function printed(storyId: string, name: string): Promise<{ pages: number; text: string }> {
  const response = await page.goto(`${server.url}/recognition/posters/${storyId}?key=${KEY}`);
  expect(response?.status()).toBe(200);
  await page.emulateMedia({ media: 'screen' });
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${ARTIFACTS}${name}-print.png`, fullPage: true });
  // On both papers a lobby printer may hold; the page's own @page rules (portrait, no margin) apply.
  let pages = 0;
  const texts: string[] = [];
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({ format, preferCSSPageSize: true, printBackground: true });
    writeFileSync(`${ARTIFACTS}${name}-${format.toLowerCase()}.pdf`, pdf);
    const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
    pages = Math.max(pages, document.numPages);
    texts.length = 0;
    for (let n = 1; n <= document.numPages; n++) {
      const content = await (await document.getPage(n)).getTextContent();
      texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    // Also by the PDF's own page objects, as a second count that needs no reader.
    expect(Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length, format).toBe(document.numPages);
    await document.destroy();
  }
  return { pages, text: squash(texts.join(' ')) };
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer({ databasePath, env: { ENROLLMENT_KEY: KEY } });
  // The server seeded the demo round and its entries; two of them won, announced yesterday.
  const storage = sqliteStorage(openDatabase(databasePath));
  try {
    const yesterday = addDays(localDay(new Date(), 'UTC'), -1);
    demo = await announceWinner(storage, { index: 0, announceOn: yesterday });
    demoTeam = (await demoEntries(storage))[0]!.teamName;
    const last = (await demoEntries(storage))[3]!;
    await storage.run(
      sql`UPDATE recognition_entries SET customer = ${long('Northwind Regional Hospitals purchasing', LIMITS.entryCustomer)},
            before_text = ${long('Before the change the customer waited a long time', LIMITS.entryBeforeAfter)},
            after_text = ${long('After the change the customer waits far less', LIMITS.entryBeforeAfter)},
            method = ${long('We wrote down each step so another team could follow it', LIMITS.entryMethod)},
            ack_quote = ${long('This changed how our wards work every day', LIMITS.entryAcknowledgement)},
            ack_source = ${long('Letter from the head of purchasing', 120)}
          WHERE id = ${last.id}`,
    );
    longest = await announceWinner(storage, { index: 3, announceOn: yesterday, team: HOSTILE_TEAM.padEnd(LIMITS.teamName, ' x'), categoryName: long('Fewer customer problems', LIMITS.categoryName) });
  } finally {
    await storage.close();
  }
  browser = await chromium.launch({ executablePath: assertChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('dialog', (dialog) => {
    pageErrors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('a winner\'s poster, printed from Chromium', () => {
  it('prints the demo winner on one page, with the mark, the team, the customer, before and after, the method and the customer\'s words', async () => {
    const { pages, text } = await printed(demo.id, 'recognition-poster');
    expect(pages).toBe(1);
    for (const part of ['Recognized', 'Faster for the customer', '2027 Q1', demoTeam, demo.customer, 'Before', 'After', 'How they did it', '16X', demo.quote!, 'Customer Chair']) {
      expect(text).toContain(squash(part));
    }
    expect(pageErrors, pageErrors.join("\n")).toEqual([]);
  });

  it('still prints on one page when every text is as long as an entry allows, a team named like markup shown as typed', async () => {
    const { pages, text } = await printed(longest.id, 'recognition-poster-longest');
    expect(pages).toBe(1);
    // Nothing is cut before the method and the customer's words: the type stepped down instead.
    for (const part of [HOSTILE_TEAM, 'Northwind Regional Hospitals', 'How they did it', 'This changed how our wards work', 'Customer Chair']) expect(text).toContain(squash(part));
    expect(await page.locator('script').count()).toBe(0);
    expect(pageErrors, pageErrors.join("\n")).toEqual([]);
  });
});
