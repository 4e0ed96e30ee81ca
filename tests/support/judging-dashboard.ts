import type { Page } from 'playwright-core';
import type { RunningServer } from './start-server';

/** A JSON call to a running server's API with its admin token; throws, naming the call, on any refusal. */
export async function adminCall<T>(server: Pick<RunningServer, 'url' | 'adminToken'>, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${server.adminToken}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The dashboard's Judging page as a judge (or the chair) uses it, in `page`. */
export function judgingDashboard(page: () => Page, serverUrl: string) {
  return {
    /** Signs in afresh with `token` (a change of hash alone would keep the signed-in page). */
    async signInAs(token: string) {
      await page().context().clearCookies();
      await page().goto('about:blank');
      await page().goto(`${serverUrl}/#/judging`);
      await page().getByLabel('Admin token').fill(token);
      await page().getByRole('button', { name: 'Sign in' }).click();
      await page().getByRole('heading', { name: 'Judging', level: 1 }).waitFor();
    },
    async pickRound(id: string) {
      await page().getByLabel('Round').selectOption(id);
    },
    /** The teams of the entries listed to the signed-in judge. */
    entryButtons: () => page().getByRole('navigation', { name: 'Entries' }).locator('.entry-team').allTextContents(),
    /** Opens a team's entry, scores each criterion (by name), writes feedback (and a panel note), saves. */
    async score(team: string, scores: Record<string, number>, feedback: string, note = '') {
      await page().getByRole('navigation', { name: 'Entries' }).getByRole('button', { name: new RegExp(team) }).click();
      const card = page().locator('article.scorecard');
      await card.getByRole('heading', { name: team }).waitFor();
      for (const [criterion, n] of Object.entries(scores)) {
        await card.getByRole('group', { name: new RegExp(criterion) }).getByRole('radio', { name: new RegExp(`^${n}\\b`) }).check();
      }
      await card.getByLabel('Feedback to the team').fill(feedback);
      if (note) await card.getByLabel('Note for the panel').fill(note);
      await card.getByRole('button', { name: /Save/ }).click();
      await card.getByText(`Your scorecard of “${team}” is saved.`).waitFor();
    },
  };
}
