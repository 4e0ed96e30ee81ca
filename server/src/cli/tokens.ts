import { TokenLabelSchema } from '@customer-chair/shared/schemas/admin-token';
import { generateAdminToken, hashToken } from '../auth/tokens';
import type { Clock } from '../clock';
import { findAdminToken } from '../storage/queries/find-admin-token';
import { insertAdminToken } from '../storage/queries/insert-admin-token';
import { insertAuditEntry, type Actor } from '../storage/queries/insert-audit-entry';
import { listAdminTokens } from '../storage/queries/list-admin-tokens';
import { revokeAdminToken } from '../storage/queries/revoke-admin-token';
import type { Storage } from '../storage/storage';

export type TokensIo = { storage: Storage; clock: Clock; out: (line: string) => void; err: (line: string) => void };

const USAGE = `Usage (from the repository root):
  pnpm --filter @customer-chair/server tokens create --label "Ana (CX)"
  pnpm --filter @customer-chair/server tokens list
  pnpm --filter @customer-chair/server tokens revoke <id or label>
The database is the server's (DATABASE_URL or DATABASE_PATH, as for "pnpm start"); the server may be running.`;

/** The command line is who acts, in the audit log. */
const COMMAND_LINE: Actor = { id: null, label: 'server command line' };

/**
 * `tokens create|list|revoke`: CX leads' admin tokens. A new token is printed
 * once and only its hash is stored; a revoked token (and its dashboard
 * sessions) is refused from the next request on, by every instance. Answers
 * the exit code.
 */
export async function tokensCommand(args: string[], { storage, clock, out, err }: TokensIo): Promise<number> {
  const [command, ...rest] = args;
  const now = clock.now();
  if (command === 'create') {
    const at = rest.indexOf('--label');
    const label = TokenLabelSchema.safeParse(at === -1 ? undefined : rest[at + 1]);
    if (!label.success) {
      err(`tokens create needs --label "<who it is for>", 1 to 60 characters, e.g. --label "Ana (CX)".`);
      return 2;
    }
    const token = generateAdminToken();
    // Under a lock: two commands run at once cannot both find the label free.
    const id = await storage.transaction(
      async (tx) => {
        if ((await listAdminTokens(tx)).some((t) => t.revokedAt === null && t.label === label.data)) return undefined;
        await insertAdminToken(tx, label.data, hashToken(token), now);
        const made = (await findAdminToken(tx, hashToken(token)))!.id;
        await insertAuditEntry(tx, { actor: COMMAND_LINE, action: 'created', entity: 'token', entityId: String(made), summary: `token for “${label.data}”` }, now);
        return made;
      },
      { lock: 'admin-tokens' },
    );
    if (id === undefined) {
      err(`A live token is already labelled "${label.data}"; labels tell CX leads apart in the audit log, so pick another.`);
      return 1;
    }
    out(`Made admin token ${id} for "${label.data}". It is shown only this once (only its hash is stored):\n\n  ${token}\n`);
    return 0;
  }
  if (command === 'list') {
    const tokens = await listAdminTokens(storage);
    if (!tokens.length) out('No admin tokens yet.');
    for (const t of tokens) out(`${String(t.id).padStart(4)}  ${t.revokedAt ? `revoked ${t.revokedAt}` : 'live'.padEnd(32)}  made ${t.createdAt}  ${t.label}`);
    return 0;
  }
  if (command === 'revoke' && rest.length) {
    const which = rest.join(' ');
    const live = (await listAdminTokens(storage)).filter((t) => t.revokedAt === null);
    const matches = /^\d+$/.test(which) ? live.filter((t) => t.id === Number(which)) : live.filter((t) => t.label === which);
    if (matches.length !== 1) {
      err(
        matches.length
          ? `${matches.length} live tokens are labelled "${which}" (ids ${matches.map((t) => t.id).join(', ')}); revoke one by its id.`
          : `No live token has the id or label "${which}"; see "tokens list".`,
      );
      return 1;
    }
    const token = matches[0]!;
    await storage.transaction(async (tx) => {
      await revokeAdminToken(tx, token.id, now);
      await insertAuditEntry(tx, { actor: COMMAND_LINE, action: 'revoked', entity: 'token', entityId: String(token.id), summary: `token for “${token.label}”` }, now);
    });
    out(`Revoked admin token ${token.id} ("${token.label}"); it and its dashboard sessions no longer work.`);
    return 0;
  }
  err(USAGE);
  return 2;
}
