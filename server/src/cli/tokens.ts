import { AdminRoleSchema } from '@customer-chair/shared/schemas/admin-role';
import { TokenLabelSchema } from '@customer-chair/shared/schemas/admin-token';
import { generateAdminToken, hashToken } from '../auth/tokens';
import type { Clock } from '../clock';
import { findAdminToken } from '../storage/queries/find-admin-token';
import { insertAdminToken } from '../storage/queries/insert-admin-token';
import { insertAuditEntry, type Actor } from '../storage/queries/insert-audit-entry';
import { listAdminTokens } from '../storage/queries/list-admin-tokens';
import { listDepartmentRecords } from '../storage/queries/list-department-records';
import { revokeAdminToken } from '../storage/queries/revoke-admin-token';
import type { Storage } from '../storage/storage';

export type TokensIo = { storage: Storage; clock: Clock; out: (line: string) => void; err: (line: string) => void };

const USAGE = `Usage (from the repository root):
  pnpm --filter @customer-chair/server tokens create --label "Ana (CX)" [--role admin|judge|viewer] [--department <id>]
  pnpm --filter @customer-chair/server tokens list
  pnpm --filter @customer-chair/server tokens revoke <id or label>
Roles: admin (everything; the default), judge (scores recognition entries; --department keeps a judge
from the entries of their own department), viewer (reads adoption).
The database is the server's (DATABASE_URL or DATABASE_PATH, as for "pnpm start"); the server may be running.`;

/** `--name value` among the arguments; `null` when the flag is there without a value. */
function option(args: string[], name: string): string | null | undefined {
  const at = args.indexOf(name);
  if (at === -1) return undefined;
  const value = args[at + 1];
  return value === undefined || value.startsWith('--') ? null : value;
}

/** A judge's department, as the command line and the audit log say it. */
const keptFrom = (department: { id: string; name: string } | undefined) =>
  department ? `, kept from the entries of ${department.name} (${department.id})` : '';

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
    const unknown = rest.filter((arg) => arg.startsWith('--') && !['--label', '--role', '--department'].includes(arg));
    if (unknown.length) {
      err(`tokens create takes --label, --role and --department, not ${unknown.join(', ')}.`);
      return 2;
    }
    const label = TokenLabelSchema.safeParse(option(rest, '--label') ?? undefined);
    if (!label.success) {
      err(`tokens create needs --label "<who it is for>", 1 to 60 characters, e.g. --label "Ana (CX)".`);
      return 2;
    }
    const roleOption = option(rest, '--role');
    const role = AdminRoleSchema.safeParse(roleOption === undefined ? 'admin' : roleOption);
    if (!role.success) {
      err(`--role must be admin, judge or viewer (admin when left out), not ${roleOption === null ? 'nothing' : `"${roleOption}"`}.`);
      return 2;
    }
    const departmentId = option(rest, '--department');
    if (departmentId !== undefined && role.data !== 'judge') {
      err(`--department is for judges only (--role judge): it keeps a judge from the entries of their own department.`);
      return 2;
    }
    if (departmentId === null) {
      err(`--department needs the id of the judge's department, e.g. --department sales.`);
      return 2;
    }
    const token = generateAdminToken();
    // Under a lock: two commands run at once cannot both find the label free.
    const made = await storage.transaction(
      async (tx): Promise<{ id: number; department?: { id: string; name: string } } | { refused: string }> => {
        let department: { id: string; name: string } | undefined;
        if (departmentId !== undefined) {
          const known = await listDepartmentRecords(tx);
          department = known.find((d) => d.id === departmentId);
          if (!department) {
            return {
              refused: known.length
                ? `No department has the id "${departmentId}"; the known ones are: ${known.map((d) => `${d.id} (${d.name})`).join(', ')}.`
                : `No department has the id "${departmentId}": none are set up yet (start the server once for the demo content, or add them in the dashboard).`,
            };
          }
        }
        if ((await listAdminTokens(tx)).some((t) => t.revokedAt === null && t.label === label.data)) {
          return { refused: `A live token is already labelled "${label.data}"; labels tell CX leads apart in the audit log, so pick another.` };
        }
        await insertAdminToken(tx, label.data, hashToken(token), now, { role: role.data, department: department?.id ?? null });
        const id = (await findAdminToken(tx, hashToken(token)))!.id;
        // An admin token's entry reads as it always has.
        const summary = role.data === 'admin' ? `token for “${label.data}”` : `${role.data} token for “${label.data}”${keptFrom(department)}`;
        await insertAuditEntry(tx, { actor: COMMAND_LINE, action: 'created', entity: 'token', entityId: String(id), summary }, now);
        return { id, department };
      },
      { lock: 'admin-tokens' },
    );
    if ('refused' in made) {
      err(made.refused);
      return 1;
    }
    out(`Made ${role.data} token ${made.id} for "${label.data}"${keptFrom(made.department)}. It is shown only this once (only its hash is stored):\n\n  ${token}\n`);
    return 0;
  }
  if (command === 'list') {
    const tokens = await listAdminTokens(storage);
    if (!tokens.length) out('No admin tokens yet.');
    for (const t of tokens) {
      const role = t.department === null ? t.role : `${t.role}, not ${t.department}`;
      out(`${String(t.id).padStart(4)}  ${t.revokedAt ? `revoked ${t.revokedAt}` : 'live'.padEnd(32)}  made ${t.createdAt}  ${role.padEnd(6)}  ${t.label}`);
    }
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
