import { randomUUID } from 'node:crypto';
import { addDays } from '../../shared/src/domain/local-day';
import type { EntryDraft, EntryReceipt } from '../../shared/src/schemas/recognition-entry';
import type { RoundRecord } from '../../shared/src/schemas/recognition-round';
import type { Schedule } from '../../shared/src/schemas/schedule';
import type { UsageEvent } from '../../shared/src/schemas/usage-event';
import { savePerson } from '../../server/src/storage/queries/save-person';
import { openDatabase } from '../../server/src/storage/sqlite/open-database';
import { sqliteStorage } from '../../server/src/storage/sqlite/sqlite-storage';
import { adminCall } from './judging-dashboard';
import { installIds, makeEvent } from './make-event';
import { entryDraft, roundDraft } from './recognition-api';
import { seedEvents } from './seed-events';
import type { RunningServer } from './start-server';

/** The round in judging that `seedDashboardData` makes, with its two entries' teams. */
export const JUDGING_ROUND = { id: 'a11y-judging', name: 'Accessibility judging round', teams: ['Returns desk', 'Logistics planning team'] } as const;

const DAY = 86_400_000;

/**
 * Two whole weeks of usage (sales 7 installs, engineering 10, legal 2 and
 * IT 3: too few to be named at MIN_GROUP_SIZE 5), stored as on time.
 */
function usage(): UsageEvent[] {
  const now = Date.now();
  const thisMonday = now - ((new Date(now).getUTCDay() + 6) % 7) * DAY - (now % DAY);
  const weeks = [thisMonday - 5 * DAY, thisMonday - 12 * DAY].map((ms) => new Date(ms + 10 * 3_600_000).toISOString());
  const events: UsageEvent[] = [];
  for (const [department, installs] of [['sales', 7], ['engineering', 10], ['legal', 2], ['it', 3]] as const) {
    installIds(installs).forEach((installId, i) => {
      for (const at of weeks) {
        events.push(makeEvent({ installId, department, role: department, at, type: 'story_viewed', surface: 'newtab', storyId: 'night-shift-login' }));
        if (i % 2 === 0) events.push(makeEvent({ installId, department, role: department, at, type: 'action_taken', surface: 'newtab', actionId: `${department}-customer-action` }));
        if (i % 3 === 0) events.push(makeEvent({ installId, department, role: department, at, type: 'prompt_inserted', surface: 'meet', promptId: 'want-this' }));
      }
    });
  }
  return events;
}

/** An entry of the round in judging, by `team` (the recognition tests' complete draft otherwise). */
const entry = (team: EntryDraft['team'], overrides: Partial<EntryDraft> = {}): EntryDraft => entryDraft({ roundId: JUDGING_ROUND.id, team, ...overrides });

/**
 * A dashboard with something on every page, for a server started on a new
 * database (`databasePath`) with MIN_GROUP_SIZE 5: usage, a recognition
 * round in judging with two entries (sent through the extension's route,
 * then its days moved, as a CX lead would), messages in the voice inbox
 * (one from a department too small to be named), and two people who signed
 * in with the company's provider (one refused for want of a role).
 */
export async function seedDashboardData(server: RunningServer, databasePath: string): Promise<void> {
  seedEvents(databasePath, usage());
  await seedJudgingRound(server);
  await seedVoice(server);
  await seedPeople(databasePath);
}

/** JUDGING_ROUND, in judging today, with an entry from each of its teams. */
export async function seedJudgingRound(server: RunningServer): Promise<void> {
  const call = <T>(method: string, path: string, body?: unknown) => adminCall<T>(server, method, path, body);
  const { today } = await call<Schedule>('GET', '/api/v1/admin/schedule');
  const draft = roundDraft({ id: JUDGING_ROUND.id, name: JUDGING_ROUND.name, submissionOpens: addDays(today, -7), submissionCloses: today, judgingEnds: addDays(today, 7), announceOn: addDays(today, 10) });
  const round = await call<RoundRecord>('POST', '/api/v1/admin/recognition/rounds', draft);
  await call<EntryReceipt>('POST', '/api/v1/recognition/entries', entry({ name: JUDGING_ROUND.teams[0], department: 'support' }));
  await call<EntryReceipt>(
    'POST',
    '/api/v1/recognition/entries',
    entry({ name: JUDGING_ROUND.teams[1], department: 'operations' }, { customer: 'Orchard Stores — regional buyer', acknowledgement: undefined, selfCheck: [{ criterionId: 'less-waiting', status: 'met' }] }),
  );
  const { categories, name, submissionOpens } = draft;
  await call<RoundRecord>('PUT', `/api/v1/admin/recognition/rounds/${JUDGING_ROUND.id}`, {
    name,
    categories,
    submissionOpens,
    submissionCloses: addDays(today, -1),
    judgingEnds: addDays(today, 7),
    announceOn: addDays(today, 10),
    revision: round.revision,
  });
}

/** Five messages from sales, one from legal (too small a department to be named). */
async function seedVoice(server: RunningServer): Promise<void> {
  const voice = (department: string, kind: string, text: string) =>
    fetch(`${server.url}/api/v1/voice`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ senderKey: randomUUID(), kind, department, text }) }).then(async (r) => {
      if (r.status !== 201) throw new Error(`message refused: ${r.status} ${await r.text()}`);
    });
  for (let i = 0; i < 5; i++) await voice('sales', 'customer_said', `A customer told me (${i + 1}) our invoices arrive after their month-end close, so they always pay us late.`);
  await voice('legal', 'idea', 'Put the three clauses customers ask about most on one page, in plain words, before the contract.');
}

async function seedPeople(databasePath: string): Promise<void> {
  const storage = sqliteStorage(openDatabase(databasePath));
  try {
    await savePerson(storage, { issuer: 'https://id.example.com', subject: 'lena', name: 'Lena Lead', email: 'lena@example.com', department: 'support', groupRole: 'admin' }, new Date());
    await savePerson(storage, { issuer: 'https://id.example.com', subject: 'nat', name: 'Nat Nobody', email: 'nat@example.com', department: null, groupRole: null }, new Date());
  } finally {
    await storage.close();
  }
}
